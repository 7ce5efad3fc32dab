// Faults the randomized reliability suite found: a send or a refetch that gets no answer (a
// half-open link) must neither mark a delivered message failed nor resend it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RtmError } from '../../../src/protocol/rtm-error';
import type { ChatEvent, NewEvent, Thread } from '../../../src/protocol/types';
import { AGENT, CHAT_ID, ME } from './fake-server';
import { flush, setup, view } from './store-helpers';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 12) });
});
afterEach(() => {
  vi.useRealTimers();
});

const timeout = () => new RtmError('request_timeout', 'No response within 15 s');
const texts = (payloads: unknown[]) => payloads.map((p) => (p as { event: { text: string } }).event.text);

describe('createChatStore: unanswered requests', () => {
  it('keeps a send that timed out pending and refetches: the chat the server started is found, nothing is sent twice', async () => {
    const { fake, server, store } = await setup();
    fake.hold('start_chat');
    void store.actions.send('first');
    await flush();
    const [request] = fake.pending('start_chat');
    // The server started the chat with the message, but the answer never came back.
    const sent = (request!.payload as { chat: { thread: { events: NewEvent[] } } }).chat.thread.events[0]!;
    const event = { ...sent, id: 'E0', order: 0, author_id: ME, created_at: new Date().toISOString() } as ChatEvent;
    const thread: Thread = { id: 'T1', order: 1, active: true, user_ids: [ME, AGENT], events: [event] };
    server.threads.push(thread);
    request!.reject(timeout());
    await flush();

    // The login listed no chats; the refetch asks anyway, since the send may have started one.
    expect(fake.calls('get_chats_summary')).toEqual([{}]);
    expect(fake.calls('get_chat_threads')).toEqual([{ chat_id: CHAT_ID, thread_ids: ['T1'] }]);
    expect(fake.calls('start_chat')).toHaveLength(1);
    expect(view(store)).toEqual([['first', 'sent']]);
    expect(store.state.value.outbox).toEqual([]);

    await store.actions.send('second');
    await flush();
    expect(texts(fake.calls('send_event'))).toEqual(['second']);
    expect(view(store)).toEqual([['first', 'sent'], ['second', 'sent']]);
  });

  it('retries a failed refetch with backoff and sends nothing until one succeeds', async () => {
    const { fake, server, store } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.hold('send_event');
    void store.actions.send('one');
    await flush();
    // The server stored 'one'; the link drops before the answer.
    server.store((fake.pending('send_event')[0]!.payload as { event: NewEvent }).event);
    fake.drop();
    let refetches = 0;
    fake.handle('get_chat_threads', ({ chat_id, thread_ids }) => {
      if (++refetches === 1) throw timeout();
      const threads = server.threads.filter((t) => thread_ids?.includes(t.id)).map((t) => structuredClone(t));
      return { chat: { id: chat_id, order: 1, users: [], properties: {}, access: {}, threads } };
    });
    fake.handle('send_event', () => {
      throw new Error('nothing may be sent: the server already has it');
    });
    fake.online(server.login());
    await flush();

    expect(store.state.value.lastError).toMatchObject({ action: 'resync', type: 'request_timeout' });
    expect(view(store)).toEqual([['hi', 'sent'], ['one', 'pending']]);
    expect(refetches).toBe(1);

    // backoff(1) with random 0.5: 1.5 s.
    await vi.advanceTimersByTimeAsync(1_499);
    expect(refetches).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(refetches).toBe(2);
    expect(view(store)).toEqual([['hi', 'sent'], ['one', 'sent']]);
    expect(texts(fake.calls('send_event'))).toEqual(['one']);
    expect(store.state.value.outbox).toEqual([]);
  });

  it('retries only the newest login’s refetch, and none once the store is disposed', async () => {
    const { fake, server, store } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.handle('get_chat_threads', () => {
      throw timeout();
    });
    fake.drop();
    fake.online(server.login());
    await flush();
    fake.drop();
    fake.online(server.login());
    await flush();
    expect(fake.calls('get_chat_threads')).toHaveLength(2);
    // Both logins' retries would be due now; only the second login's runs.
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fake.calls('get_chat_threads')).toHaveLength(3);
    store.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls('get_chat_threads')).toHaveLength(3);
  });
});
