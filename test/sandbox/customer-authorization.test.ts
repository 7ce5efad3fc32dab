// Two customers: neither reaches the other's chats, threads or events, and unknown ids look
// exactly like someone else's (no existence leak). Pushes stay with the chat's own users.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentPresence } from '../../demo/sandbox/routing';
import type { Sandbox } from '../../demo/sandbox/server';
import { LICENSE, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let alice: TestClient;
let bob: TestClient;
let a: { chat: string; thread: string; event: string };
let b: { chat: string; thread: string };

beforeEach(async () => {
  sandbox = await startTestSandbox();
  setAgentPresence(sandbox.core, LICENSE, 'agent@chatlet.test', { sessionDelta: 1 });
  alice = (await loginCustomer(sandbox)).client;
  bob = (await loginCustomer(sandbox)).client;
  const started = (await alice.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'secret' }] } } })).payload.chat;
  a = { chat: started.id, thread: started.thread.id, event: started.thread.events[0].id };
  const other = (await bob.request('start_chat', {})).payload.chat;
  b = { chat: other.id, thread: other.thread.id };
});
afterEach(() => sandbox.close());

const props = { ns: { k: 'v' } };
const names = { ns: ['k'] };

/** Every chat-scoped method, aimed at Alice's chat. */
const attempts = (): Array<[string, Frame]> => [
  ['get_chat_threads_summary', { chat_id: a.chat }],
  ['get_chat_threads', { chat_id: a.chat, thread_ids: [a.thread] }],
  ['activate_chat', { chat: { id: a.chat } }],
  ['close_thread', { chat_id: a.chat }],
  ['send_event', { chat_id: a.chat, event: { type: 'message', text: 'hi' } }],
  ['send_rich_message_postback', { chat_id: a.chat, thread_id: a.thread, event_id: a.event, postback: { id: 'x', toggled: true } }],
  ['send_sneak_peek', { chat_id: a.chat, sneak_peek_text: 'typing' }],
  ['update_chat_properties', { chat_id: a.chat, properties: props }],
  ['delete_chat_properties', { chat_id: a.chat, properties: names }],
  ['update_chat_thread_properties', { chat_id: a.chat, thread_id: a.thread, properties: props }],
  ['delete_chat_thread_properties', { chat_id: a.chat, thread_id: a.thread, properties: names }],
  ['update_event_properties', { chat_id: a.chat, thread_id: a.thread, event_id: a.event, properties: props }],
  ['delete_event_properties', { chat_id: a.chat, thread_id: a.thread, event_id: a.event, properties: names }],
  ['update_last_seen_timestamp', { chat_id: a.chat }],
  ['mark_events_as_seen', { chat_id: a.chat, seen_up_to: '2030-01-01T00:00:00.000000Z' }],
];

describe('a customer reaches only its own chats', () => {
  it("every chat-scoped method on another customer's chat fails with authorization and no data", async () => {
    for (const [action, payload] of attempts()) {
      const res = await bob.request(action, payload);
      expect(res.success, action).toBe(false);
      expect(Object.keys(res.payload), action).toEqual(['error']);
      expect(res.payload.error.type, action).toBe('authorization');
      expect(JSON.stringify(res), action).not.toContain('secret');
    }
    expect(alice.pushes('incoming_event')).toHaveLength(0);
    expect(alice.pushes('chat_properties_updated')).toHaveLength(0);
  });

  it('an unknown chat id gets the same answer as a foreign one', async () => {
    const foreign = await bob.request('get_chat_threads', { chat_id: a.chat });
    const unknown = await bob.request('get_chat_threads', { chat_id: 'NOSUCHCHAT' });
    expect(unknown.payload.error.type).toBe(foreign.payload.error.type);
  });

  it("a foreign thread or event id inside one's own chat is refused too", async () => {
    const thread = await bob.request('get_chat_threads', { chat_id: b.chat, thread_ids: [a.thread] });
    expect(thread.payload.error.type).toBe('authorization');
    const event = await bob.request('update_event_properties', { chat_id: b.chat, thread_id: b.thread, event_id: a.event, properties: props });
    expect(event.payload.error.type).toBe('authorization');
  });

  it('events for agents only are invisible to the customer who sent them', async () => {
    const sent = await alice.request('send_event', { chat_id: a.chat, event: { type: 'message', text: 'note', recipients: 'agents' } });
    const res = await alice.request('update_event_properties', { chat_id: a.chat, thread_id: a.thread, event_id: sent.payload.event.id, properties: props });
    expect(res.payload.error.type).toBe('authorization');
    const thread = (await alice.request('get_chat_threads', { chat_id: a.chat })).payload.chat.threads[0];
    expect(thread.events.map((e: Frame) => e.text)).toEqual(['secret']);
  });

  it('summaries list only the customer’s own chats', async () => {
    const summary = (await bob.request('get_chats_summary', {})).payload;
    expect(summary.total_chats).toBe(1);
    expect(summary.chats_summary[0].id).toBe(b.chat);
  });
});
