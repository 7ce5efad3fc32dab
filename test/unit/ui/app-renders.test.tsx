// Which components a store change re-renders. Each component below is wrapped (by mocking its
// module) so that rendering it counts; the wrapper calls the real component as a plain function, so
// its hooks, and the re-renders its own signals schedule, are the wrapper's and get counted too.
// @vitest-environment-options {"settings":{"disableIframePageLoading":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FunctionComponent } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStore } from '../../../demo/gallery/fake-store';
import { scenes } from '../../../demo/gallery/scenes';
import type { Change } from '../../../src/chat/state/change';
import type { ConnectionView } from '../../../src/chat/views';
import { App } from '../../../src/ui/App';
import { cleanup, mount } from './render';
import { loadParts } from '../../../src/ui/parts';

// The parts that load later (rich messages, files, the list…) are here before any test renders.
beforeAll(() => loadParts());

const { renders, counted } = vi.hoisted(() => {
  const renders: Record<string, number> = {};
  const counted =
    <P,>(name: string, component: FunctionComponent<P>): FunctionComponent<P> =>
    (props, context) => {
      renders[name] = (renders[name] ?? 0) + 1;
      return component(props, context);
    };
  return { renders, counted };
});

vi.mock('../../../src/ui/ChatWindow', async (original) => {
  const m = await original<typeof import('../../../src/ui/ChatWindow')>();
  return { ...m, ChatWindow: counted('ChatWindow', m.ChatWindow) };
});
vi.mock('../../../src/ui/Conversation', async (original) => {
  const m = await original<typeof import('../../../src/ui/Conversation')>();
  return { ...m, Conversation: counted('Conversation', m.Conversation) };
});
vi.mock('../../../src/ui/MessageList', async (original) => {
  const m = await original<typeof import('../../../src/ui/MessageList')>();
  return { ...m, MessageList: counted('MessageList', m.MessageList) };
});
vi.mock('../../../src/ui/Header', async (original) => {
  const m = await original<typeof import('../../../src/ui/Header')>();
  return { ...m, Header: counted('Header', m.Header) };
});
vi.mock('../../../src/ui/ConnectionBanner', async (original) => {
  const m = await original<typeof import('../../../src/ui/ConnectionBanner')>();
  return { ...m, ConnectionBanner: counted('ConnectionBanner', m.ConnectionBanner) };
});
vi.mock('../../../src/ui/TypingIndicator', async (original) => {
  const m = await original<typeof import('../../../src/ui/TypingIndicator')>();
  return { ...m, TypingIndicator: counted('TypingIndicator', m.TypingIndicator) };
});
vi.mock('../../../src/ui/Composer', async (original) => {
  const m = await original<typeof import('../../../src/ui/Composer')>();
  return { ...m, Composer: counted('Composer', m.Composer) };
});
vi.mock('../../../src/ui/Launcher', async (original) => {
  const m = await original<typeof import('../../../src/ui/Launcher')>();
  return { ...m, Launcher: counted('Launcher', m.Launcher) };
});

const CountedApp = counted('App', App);

beforeEach(() => {
  for (const k of Object.keys(renders)) delete renders[k];
});
afterEach(cleanup);

/** An open panel on an ongoing chat, rendered through, and what one dispatch then re-renders. */
function openChat() {
  const store = fakeStore({ ...scenes.find((s) => s.name === 'inline-open')!, visibility: 'maximized' });
  const r = mount(<CountedApp store={store} />);
  expect(renders.Conversation, 'the body rendered').toBeGreaterThan(0);
  const agentId = store.agent.value!.id;
  const rendersOf = (...list: (Change | ConnectionView)[]) => {
    for (const k of Object.keys(renders)) delete renders[k];
    act(() => {
      for (const item of list) {
        if ('reason' in item) store.connection.value = item;
        else store.dispatch(item);
      }
    });
    return { ...renders };
  };
  const typing = (typing: boolean): Change => ({ type: 'typing_changed', chatId: 'C1', authorId: agentId, typing });
  return { ...r, store, agentId, rendersOf, typing };
}

describe('App re-renders', () => {
  it('re-renders only the typing indicator when the agent starts or stops typing', () => {
    const { root, rendersOf, typing } = openChat();
    expect(rendersOf(typing(true))).toEqual({ TypingIndicator: 1 });
    expect(root.querySelector('.typing')?.textContent).toContain('Bart Simmons is typing');
    expect(rendersOf(typing(false))).toEqual({});
    expect(root.querySelector('.typing')).toBeNull();
  });

  it('re-renders only the connection banner when the connection changes', () => {
    const { root, rendersOf } = openChat();
    expect(rendersOf({ state: 'reconnecting', reason: 'socket_closed' })).toEqual({ ConnectionBanner: 1 });
    expect(root.querySelector('.ban')?.textContent).toContain('Reconnecting');
    // A further attempt changes nothing the visitor sees.
    expect(rendersOf({ state: 'reconnecting', reason: 'socket_closed' })).toEqual({});
    expect(rendersOf({ state: 'online', reason: null })).toEqual({ ConnectionBanner: 1 });
    expect(root.querySelector('.ban')).toBeNull();
  });

  it('re-renders nothing for a read receipt', () => {
    const { rendersOf } = openChat();
    expect(rendersOf({ type: 'seen_updated', chatId: 'C1', seenUpTo: Date.now() + 60_000 })).toEqual({});
  });

  it('re-renders the conversation, not the panel around it, for a new message', () => {
    const { root, rendersOf, agentId } = openChat();
    const event = { id: 'new-1', type: 'message' as const, text: 'One more thing', author_id: agentId, created_at: new Date().toISOString() };
    const counts = rendersOf({ type: 'events_added', chatId: 'C1', threadId: 'T1', events: [event], live: true });
    expect(counts).toMatchObject({ Conversation: 1, MessageList: 1 });
    for (const name of ['App', 'ChatWindow', 'Header', 'ConnectionBanner', 'Composer']) expect(counts[name], name).toBeUndefined();
    expect(root.querySelector('[role=log]')?.textContent).toContain('One more thing');
  });

  it('re-renders the panel when the connection stops for good (the input is disabled)', () => {
    const { root, rendersOf } = openChat();
    const counts = rendersOf({ state: 'closed', reason: 'customer_banned' });
    expect(counts).toMatchObject({ ChatWindow: 1, Composer: 1 });
    expect(counts.App).toBeUndefined();
    expect(root.querySelector<HTMLTextAreaElement>('textarea')?.disabled).toBe(true);
  });
});

describe('UI components', () => {
  it('read narrow views, never the whole chat state', () => {
    // A component reading `state` re-renders, with everything under it, on every change of it.
    const dir = resolve(__dirname, '../../../src/ui');
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.tsx'))) {
      expect(readFileSync(resolve(dir, f), 'utf8'), f).not.toMatch(/\bstate\.value\b/);
    }
  });
});
