// The two dialects of the customer API (protocol-notes §9, demo/sandbox/dialect.ts): `draft` (the
// seed) answers as it always did; `released` answers start/activate/send_event with IDs only, sends
// events with `created_at` and no `order`/`timestamp`, renames the read receipts and refuses the
// draft's name for them. The agent API (v3.0) is the same in both.
import { afterEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../demo/sandbox/dialect';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT, chatWithAgent, loginAgent } from './agent-helpers';
import { loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
afterEach(() => sandbox?.close());

/** RFC 3339 in UTC with microseconds, as released v3.1 stamps events. */
const MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

async function scene(dialect: Dialect): Promise<{ agent: TestClient; customer: TestClient; customerId: string }> {
  sandbox = await startTestSandbox({ dialect });
  const { client: agent } = await loginAgent(sandbox);
  const { client: customer, customerId } = await loginCustomer(sandbox);
  return { agent, customer, customerId };
}

/** Every event object of a customer frame (pushes, responses). */
function eventsOf(frame: Frame): Frame[] {
  const p = frame.payload ?? {};
  const chat = p.chat ?? {};
  return [
    ...(p.event ? [p.event] : []),
    ...(chat.thread?.events ?? []),
    ...(chat.threads ?? []).flatMap((t: Frame) => t.events),
    ...(p.chats_summary ?? []).flatMap((s: Frame) => Object.values(s.last_event_per_type).map((v) => (v as Frame).event)),
  ];
}

describe('released', () => {
  it('answers start_chat, activate_chat and send_event with IDs only; the own push carries the request_id', async () => {
    const { customer } = await scene('released');
    const started = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi', custom_id: 'c1' }] } } });
    const incoming = await customer.next((f) => f.action === 'incoming_chat_thread' && f.request_id === started.request_id);
    const chat = incoming.payload.chat;
    expect(started.payload).toEqual({ chat_id: chat.id, thread_id: chat.thread.id, event_ids: [chat.thread.events[0].id] });

    const sent = await customer.request('send_event', { chat_id: chat.id, event: { type: 'message', text: 'again' } });
    const event = await customer.next((f) => f.action === 'incoming_event' && f.request_id === sent.request_id);
    expect(sent.payload).toEqual({ event_id: event.payload.event.id });

    await customer.request('close_thread', { chat_id: chat.id });
    const activated = await customer.request('activate_chat', { chat: { id: chat.id } });
    const reopened = await customer.next((f) => f.action === 'incoming_chat_thread' && f.request_id === activated.request_id);
    expect(activated.payload).toEqual({ thread_id: reopened.payload.chat.thread.id });
    const noEvents = await customer.request('start_chat', {});
    expect(Object.keys(noEvents.payload).sort()).toEqual(['chat_id', 'thread_id']);
  });

  it('sends events with created_at (µs) and no order/timestamp in pushes and answers; threads keep order', async () => {
    const { customer } = await scene('released');
    const started = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } });
    const { chat_id: chatId, thread_id: threadId } = started.payload;
    await customer.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'two' } });
    const threads = await customer.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] });
    const summary = await customer.request('get_chats_summary', {});
    const frames = [...customer.frames.filter((f) => f.type === 'push'), threads, summary];
    const events = frames.flatMap(eventsOf);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const e of events) {
      expect(e.created_at).toMatch(MICROS);
      expect(e).not.toHaveProperty('order');
      expect(e).not.toHaveProperty('timestamp');
    }
    expect(threads.payload.chat.threads[0].order).toEqual(expect.any(Number));
  });

  it('gives users events_seen_up_to, never the draft\'s last_seen_timestamp', async () => {
    const { customer, agent } = await scene('released');
    const started = await customer.request('start_chat', {});
    const { chat_id: chatId, thread_id: threadId } = started.payload;
    await agent.next('incoming_chat_thread');
    await customer.request('mark_events_as_seen', { chat_id: chatId, seen_up_to: '2030-01-01T00:00:00.123456Z' });
    await agent.request('update_last_seen_timestamp', { chat_id: chatId });
    const users = (await customer.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] })).payload.chat.users as Frame[];
    expect(users.map((u) => u.type).sort()).toEqual(['agent', 'customer']);
    for (const u of users) {
      expect(u.events_seen_up_to).toMatch(MICROS);
      expect(u).not.toHaveProperty('last_seen_timestamp');
    }
  });

  it('refuses update_last_seen_timestamp as an unknown action and marks seen with mark_events_as_seen', async () => {
    const { customer, agent, customerId } = await scene('released');
    const unknown = await customer.request('no_such_action', {});
    const refused = await customer.request('update_last_seen_timestamp', { chat_id: 'X' });
    expect(refused.payload.error.type).toBe(unknown.payload.error.type);
    expect(refused.payload.error.message).toBe(unknown.payload.error.message.replace('no_such_action', 'update_last_seen_timestamp'));

    const { chat_id: chatId } = (await customer.request('start_chat', {})).payload;
    await agent.next('incoming_chat_thread');
    const seenUpTo = '2030-01-01T00:00:00.123456Z';
    const marked = await customer.request('mark_events_as_seen', { chat_id: chatId, seen_up_to: seenUpTo });
    expect(marked.payload).toEqual({});
    const own = await customer.next('events_marked_as_seen');
    expect(own).toMatchObject({ request_id: marked.request_id, payload: { user_id: customerId, chat_id: chatId, seen_up_to: seenUpTo } });
    // The agent API is v3.0: the agent hears of the receipt as seed 002's push.
    const atAgent = await agent.next('last_seen_timestamp_updated');
    expect(atAgent.payload).toEqual({ user_id: customerId, chat_id: chatId, timestamp: Math.floor(Date.parse(seenUpTo) / 1000) });
    expect(agent.pushes('events_marked_as_seen')).toEqual([]);
  });

  it("tells the customer of the agent's receipt as events_marked_as_seen", async () => {
    const { customer, agent } = await scene('released');
    const { chat_id: chatId } = (await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } })).payload;
    await agent.next('incoming_chat_thread');
    const seen = await agent.request('update_last_seen_timestamp', { chat_id: chatId });
    const push = await customer.next('events_marked_as_seen');
    expect(push.payload).toEqual({ user_id: AGENT, chat_id: chatId, seen_up_to: expect.stringMatching(MICROS) });
    expect(Math.floor(Date.parse(push.payload.seen_up_to) / 1000)).toBe(seen.payload.timestamp);
    expect(customer.pushes('last_seen_timestamp_updated')).toEqual([]);
  });

  it('needs thread_ids in get_chat_threads, and reopens an inactive chat only with activate_chat', async () => {
    const { customer } = await scene('released');
    const { chat_id: chatId } = (await customer.request('start_chat', {})).payload;
    expect((await customer.request('get_chat_threads', { chat_id: chatId })).payload.error.type).toBe('validation');
    await customer.request('close_thread', { chat_id: chatId });
    const refused = await customer.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'late' } });
    expect(refused.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('activate_chat') });
    const attached = await customer.request('send_event', { chat_id: chatId, attach_to_last_thread: true, event: { type: 'message', text: 'ps' } });
    expect(attached.payload).toEqual({ event_id: expect.any(String) });
  });
});

describe('draft', () => {
  it('answers as the seed: full chat, {thread_id, event}, events with order and timestamp, both seen fields on users', async () => {
    const { customer, agent } = await scene('draft');
    const started = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } });
    const chat = started.payload.chat;
    expect(chat).toMatchObject({ id: expect.any(String), order: expect.any(Number), users: expect.any(Array), thread: { id: expect.any(String) } });
    expect(chat.thread.events[0]).toMatchObject({ order: expect.any(Number), timestamp: expect.any(Number), created_at: expect.stringMatching(MICROS) });
    const sent = await customer.request('send_event', { chat_id: chat.id, event: { type: 'message', text: 'again' } });
    expect(sent.payload).toMatchObject({ thread_id: chat.thread.id, event: { text: 'again', order: expect.any(Number) } });
    await agent.next('incoming_chat_thread');
    const seen = await customer.request('update_last_seen_timestamp', { chat_id: chat.id });
    expect(seen.payload).toEqual({ timestamp: expect.any(Number) });
    await agent.request('update_last_seen_timestamp', { chat_id: chat.id });
    expect((await customer.next((f) => f.action === 'last_seen_timestamp_updated' && f.payload.user_id === AGENT)).payload.timestamp).toEqual(expect.any(Number));
    const users = (await customer.request('get_chat_threads', { chat_id: chat.id })).payload.chat.users as Frame[];
    for (const u of users) expect(u).toMatchObject({ last_seen_timestamp: expect.any(Number), events_seen_up_to: expect.stringMatching(MICROS) });
  });
});

describe.each(['draft', 'released'] as const)('the agent side (%s)', (dialect) => {
  it('is v3.0 whatever the customer speaks: events with order/timestamp, users with last_seen_timestamp', async () => {
    sandbox = await startTestSandbox({ dialect });
    const { agent, customer, chatId, threadId } = await chatWithAgent(sandbox);
    await customer.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'two' } });
    const incoming = await agent.next('incoming_event');
    expect(incoming.payload.event).toMatchObject({ order: expect.any(Number), timestamp: expect.any(Number), created_at: expect.stringMatching(MICROS) });
    const seenCall = dialect === 'draft' ? ['update_last_seen_timestamp', { chat_id: chatId }] : ['mark_events_as_seen', { chat_id: chatId, seen_up_to: new Date().toISOString() }];
    await customer.request(seenCall[0] as string, seenCall[1] as Frame);
    expect((await agent.next('last_seen_timestamp_updated')).payload).toMatchObject({ chat_id: chatId, timestamp: expect.any(Number) });
    const threads = await agent.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] });
    expect(threads.payload.chat.threads[0].events[0]).toHaveProperty('order');
    expect(threads.payload.chat.users.find((u: Frame) => u.type === 'customer')).toHaveProperty('last_seen_timestamp');
  });
});
