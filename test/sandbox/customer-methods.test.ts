// Every customer method of seed 003, sent as the seed's own sample request (ids swapped for
// real ones): the response must carry every key of the seed's sample response, and the pushes
// the seed's "Push message" row names must reach the requester with its request_id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerHandlers } from '../../demo/sandbox/customer-handlers';
import { setAgentPresence } from '../../demo/sandbox/routing';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { LICENSE, loginCustomer, missingKeys, seedSample, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

const API = 'customer_rtm_v3_1';
/** Response paths whose keys are data (group ids, event types), not names. */
const MAPS = [
  'payload.groups_status',
  'payload.chats_summary[0].last_event_per_type',
  'payload.__priv_dynamic_config.customer_groups.chats',
  'payload.__priv_dynamic_config.global_properties',
];

let sandbox: Sandbox;
let client: TestClient;
let login: Frame;
let ids: { chat_id: string; thread_id: string; event_id: string; rich_id: string };

const richMessage = {
  type: 'rich_message',
  template_id: 'quick_replies',
  elements: [{ title: 'Happy?', buttons: [{ text: 'yes', postback_id: 'Method URL_yes', user_ids: [] }] }],
};

beforeEach(async () => {
  sandbox = await startTestSandbox();
  setAgentPresence(sandbox.core, LICENSE, 'agent@chatlet.test', { sessionDelta: 1 });
  ({ client, login } = await loginCustomer(sandbox, { customer_side_storage: {} }));
  const started = await client.request('start_chat', {
    chat: { thread: { events: [{ type: 'message', text: 'hello', custom_id: 'c1' }, richMessage] } },
  });
  const thread = started.payload.chat.thread;
  ids = { chat_id: started.payload.chat.id, thread_id: thread.id, event_id: thread.events[0].id, rich_id: thread.events[1].id };
});
afterEach(() => sandbox.close());

/** A seed sample payload (required-params one unless `optional`) with its placeholder ids replaced by this chat's. */
function samplePayload(method: string, optional = false): Frame {
  const sample = seedSample(API, method);
  const payload = structuredClone((optional ? sample.requestOptional : sample.request)?.payload ?? {}) as Frame;
  for (const key of ['chat_id', 'thread_id'] as const) if (key in payload) payload[key] = ids[key];
  if ('event_id' in payload) payload.event_id = method === 'send_rich_message_postback' ? ids.rich_id : ids.event_id;
  if (payload.chat?.id) payload.chat.id = ids.chat_id;
  if (payload.thread_ids) payload.thread_ids = [ids.thread_id];
  return payload;
}

/** What must happen first so the sample request makes sense (activate needs an archived chat). */
async function prepare(method: string): Promise<void> {
  if (method === 'activate_chat') expect((await client.request('close_thread', { chat_id: ids.chat_id })).success).toBe(true);
}

/** Pushes the requester itself must get (send_event opens no new thread here, so no incoming_chat_thread). */
function pushesFor(method: string): string[] {
  const named = seedSample(API, method).pushes;
  return method === 'send_event' ? named.filter((p) => p !== 'incoming_chat_thread') : named;
}

const methods = Object.keys(samples.customer_rtm_v3_1.methods).filter((m) => m !== 'login');

describe('customer methods answer with the seed shapes', () => {
  it('implements every method of seed 003 (login is handled by the transport)', () => {
    expect(methods.filter((m) => !(m in customerHandlers))).toEqual([]);
  });

  it('login answers every key of the seed sample', () => {
    expect(login.success).toBe(true);
    expect(missingKeys(login, seedSample(API, 'login').response, MAPS)).toEqual([]);
    expect(login.payload.__priv_dynamic_config.online_groups_ids).toEqual([0]);
  });

  it.each(methods)('%s', async (method) => {
    await prepare(method);
    const res = await client.request(method, samplePayload(method));
    expect(res.success, JSON.stringify(res.payload)).toBe(true);
    const sample = seedSample(API, method).response;
    // get_form's seed sample has no envelope, only the payload.
    expect(missingKeys(res, 'action' in sample ? sample : { payload: sample.payload }, MAPS)).toEqual([]);
    for (const action of pushesFor(method)) {
      const pushed = await client.next((f) => f.type === 'push' && f.action === action && f.request_id === res.request_id);
      expect(pushed.payload).toBeTypeOf('object');
    }
  });
});

describe('customer methods accept the seed samples with optional params', () => {
  // activate_chat's optional sample moves the chat to offline group 1 without `continuous`,
  // which a real server refuses (groups_offline); that refusal is tested with the validation cases.
  const optional = methods.filter((m) => m !== 'activate_chat' && seedSample(API, m).requestOptional);

  it.each(optional)('%s', async (method) => {
    const res = await client.request(method, samplePayload(method, true));
    expect(res.success, JSON.stringify(res.payload)).toBe(true);
  });
});

describe('customer method results', () => {
  it('mark_events_as_seen (released v3.1) answers {} and pushes events_marked_as_seen', async () => {
    const seenUpTo = '2030-01-01T00:00:00.000001Z';
    const res = await client.request('mark_events_as_seen', { chat_id: ids.chat_id, seen_up_to: seenUpTo });
    expect(res).toMatchObject({ success: true, payload: {} });
    const push = await client.next((f) => f.action === 'events_marked_as_seen' && f.request_id === res.request_id);
    expect(push.payload).toEqual({ user_id: login.payload.customer_id, chat_id: ids.chat_id, seen_up_to: seenUpTo });
  });

  it('start_chat puts the customer and the routed agent in the chat, events carry order, timestamp and created_at', async () => {
    const chat = (await client.request('get_chat_threads', { chat_id: ids.chat_id, thread_ids: [ids.thread_id] })).payload.chat;
    expect(chat.users.map((u: Frame) => u.type)).toEqual(['customer', 'agent']);
    const [message] = chat.threads[0].events;
    expect(message).toMatchObject({ type: 'message', text: 'hello', custom_id: 'c1', recipients: 'all' });
    expect(message.order).toBeTypeOf('number');
    expect(message.timestamp).toBeTypeOf('number');
    expect(message.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('send_event to an archived chat opens a new thread with incoming_chat_thread', async () => {
    await client.request('close_thread', { chat_id: ids.chat_id });
    const res = await client.request('send_event', { chat_id: ids.chat_id, event: { type: 'message', text: 'again' } });
    expect(res.payload.thread_id).not.toBe(ids.thread_id);
    const push = await client.next((f) => f.action === 'incoming_chat_thread' && f.request_id === res.request_id);
    expect(push.payload.chat.thread.events[0].text).toBe('again');
  });

  it('send_event with attach_to_last_thread adds to the archived thread', async () => {
    await client.request('close_thread', { chat_id: ids.chat_id });
    const res = await client.request('send_event', {
      chat_id: ids.chat_id,
      attach_to_last_thread: true,
      event: { type: 'filled_form', form_id: 'postchat-0', fields: [] },
    });
    expect(res.payload.thread_id).toBe(ids.thread_id);
  });

  it('the postback toggles the customer into the button user_ids', async () => {
    const postback = { chat_id: ids.chat_id, thread_id: ids.thread_id, event_id: ids.rich_id, postback: { id: 'Method URL_yes', toggled: true } };
    await client.request('send_rich_message_postback', postback);
    const threads = (await client.request('get_chat_threads', { chat_id: ids.chat_id })).payload.chat.threads;
    expect(threads[0].events[1].elements[0].buttons[0].user_ids).toEqual([login.payload.customer_id]);
  });

  it('properties come back wrapped, and deletes remove them', async () => {
    await client.request('update_chat_thread_properties', { chat_id: ids.chat_id, thread_id: ids.thread_id, properties: { rating: { score: 1 } } });
    let summary = (await client.request('get_chats_summary', {})).payload.chats_summary[0];
    const thread = (await client.request('get_chat_threads', { chat_id: ids.chat_id })).payload.chat.threads[0];
    expect(thread.properties).toEqual({ rating: { score: { value: 1 } } });
    await client.request('delete_chat_thread_properties', { chat_id: ids.chat_id, thread_id: ids.thread_id, properties: { rating: ['score'] } });
    summary = (await client.request('get_chat_threads', { chat_id: ids.chat_id })).payload.chat.threads[0];
    expect(summary.properties).toEqual({});
  });

  it('get_groups_status reports group 0 online and group 1 offline', async () => {
    const res = await client.request('get_groups_status', { groups: [0, 1, 7] });
    expect(res.payload.groups_status).toEqual({ 0: 'online', 1: 'offline' });
  });

  it('get_form returns the prechat form with every field type, and no form where none is set', async () => {
    const prechat = await client.request('get_form', { group_id: 0, type: 'prechat' });
    expect(prechat.payload.form.fields.map((f: Frame) => f.type)).toEqual([
      'header', 'name', 'email', 'question', 'textarea', 'radio', 'select', 'checkbox', 'group_chooser',
    ]);
    const postchat = await client.request('get_form', { group_id: 0, type: 'postchat' });
    expect(postchat.payload.form.fields.some((f: Frame) => f.type === 'rating')).toBe(true);
    expect((await client.request('get_form', { group_id: 1, type: 'prechat' })).payload).toEqual({ enabled: false });
  });

  it('update_customer answers the customer and pushes customer_updated', async () => {
    const res = await client.request('update_customer', { name: 'Ann', fields: { plan: 'pro' } });
    expect(res.payload).toMatchObject({ type: 'customer', name: 'Ann', fields: { plan: 'pro' } });
    const push = await client.next('customer_updated');
    expect(push.payload.customer.name).toBe('Ann');
  });
});
