// Every agent RTM method of seed 000, sent as the seed's own sample request (ids swapped for
// real ones) over a real socket: the response must carry every key of the seed's sample
// response, and the pushes it causes must reach the requester (with its request_id) and the
// other side — the chat's customer or other agents.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentHandlers } from '../../demo/sandbox/agent-handlers';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { AGENT, BOT, BOT_TOKEN, chatWithAgent, loginAgent, missingSeedKeys, SALES } from './agent-helpers';
import { withSalesAgent } from './agent-helpers';
import { seedSample, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

const API = 'agent_rtm_v3_0';

let sandbox: Sandbox;
let agent: TestClient;
let bot: TestClient;
let customer: TestClient;
let ids: { chatId: string; threadId: string; messageId: string; richId: string; customerId: string };

const rich = {
  type: 'rich_message',
  template_id: 'cards',
  elements: [{ title: 'Happy?', buttons: [{ text: 'yes', postback_id: 'Method URL_yes', user_ids: [] }] }],
};

beforeEach(async () => {
  sandbox = await startTestSandbox({ fixtures: withSalesAgent() });
  const setup = await chatWithAgent(sandbox);
  ({ agent, customer } = setup);
  ({ client: bot } = await loginAgent(sandbox, BOT_TOKEN));
  const sent = await agent.request('send_event', { chat_id: setup.chatId, event: rich });
  ids = { chatId: setup.chatId, threadId: setup.threadId, messageId: setup.eventIds[0] as string, richId: sent.payload.event.id, customerId: setup.customerId };
});
afterEach(() => sandbox.close());

/** The seed's sample payload with its placeholder ids replaced by this test's chat, users and group 1. */
function samplePayload(method: string): Frame {
  const payload = structuredClone(seedSample(API, method).request?.payload ?? {}) as Frame;
  if ('chat_id' in payload) payload.chat_id = ids.chatId;
  if ('thread_id' in payload) payload.thread_id = ids.threadId;
  if ('event_id' in payload) payload.event_id = method === 'send_rich_message_postback' ? ids.richId : ids.messageId;
  if ('customer_id' in payload) payload.customer_id = ids.customerId;
  if (payload.chat?.id) payload.chat.id = ids.chatId;
  if (payload.resource) payload.id = ids.chatId;
  if (payload.access?.id === 19) payload.access.id = 1;
  if (payload.target) payload.target.ids = [1];
  if (payload.user_id) payload.user_id = BOT;
  if (payload.agent_id) payload.agent_id = AGENT;
  if (payload.scopes) payload.scopes = { agents: { ids: [AGENT, BOT], groups: [1] }, customers: { ids: [ids.customerId] } };
  return payload;
}

interface Case {
  /** Who sends the request (default: the agent in the chat). */
  from?: () => TestClient;
  prepare?: () => Promise<unknown>;
  /** Response keys the seed marks optional. */
  optional?: string[];
  /** Response paths that are maps with data keys. */
  maps?: string[];
  /** Pushes the requester must get, with its request_id. */
  own?: string[];
  /** Pushes the other side must get: [client, action]. */
  others?: Array<[() => TestClient, string]>;
}

const cases: Record<string, Case> = {
  get_chats_summary: {},
  get_chat_threads_summary: { optional: ['payload.next_page_id', 'payload.previous_page_id'] },
  get_chat_threads: {},
  get_archives: { prepare: () => agent.request('close_thread', { chat_id: ids.chatId }) },
  start_chat: { own: ['incoming_chat_thread'] },
  activate_chat: {
    prepare: () => agent.request('close_thread', { chat_id: ids.chatId }),
    own: ['incoming_chat_thread'],
    others: [[() => customer, 'incoming_chat_thread']],
  },
  close_thread: { own: ['thread_closed', 'incoming_event'], others: [[() => customer, 'thread_closed'], [() => customer, 'incoming_event']] },
  follow_chat: { from: () => bot, own: ['incoming_chat_thread'] },
  unfollow_chat: { from: () => bot, prepare: () => bot.request('follow_chat', { chat_id: ids.chatId }) },
  grant_access: { own: ['access_granted'] },
  revoke_access: { prepare: () => agent.request('grant_access', samplePayload('grant_access')), own: ['access_revoked'] },
  set_access: { own: ['access_set'], others: [[() => customer, 'access_set'], [() => bot, 'access_set']] },
  transfer_chat: {
    prepare: () => loginAgent(sandbox, 'demo-sales-token'),
    own: ['chat_transferred', 'chat_user_removed'],
    others: [[() => customer, 'chat_transferred'], [() => customer, 'chat_user_added']],
  },
  add_user_to_chat: { own: ['chat_user_added'], others: [[() => customer, 'chat_user_added'], [() => bot, 'chat_user_added']] },
  // The seed's row names chat_user_added for removal too; seed 002's Pushes section has chat_user_removed.
  remove_user_from_chat: {
    prepare: () => agent.request('add_user_to_chat', { chat_id: ids.chatId, user_id: BOT, user_type: 'agent' }),
    own: ['chat_user_removed'],
    others: [[() => customer, 'chat_user_removed'], [() => bot, 'chat_user_removed']],
  },
  send_event: { own: ['incoming_event'], others: [[() => customer, 'incoming_event']] },
  send_rich_message_postback: { own: ['incoming_rich_message_postback'], others: [[() => customer, 'incoming_rich_message_postback']] },
  update_chat_properties: { own: ['chat_properties_updated'], others: [[() => customer, 'chat_properties_updated']] },
  delete_chat_properties: {
    prepare: () => agent.request('update_chat_properties', samplePayload('update_chat_properties')),
    own: ['chat_properties_deleted'],
    others: [[() => customer, 'chat_properties_deleted']],
  },
  update_chat_thread_properties: { own: ['chat_thread_properties_updated'], others: [[() => customer, 'chat_thread_properties_updated']] },
  delete_chat_thread_properties: { own: ['chat_thread_properties_deleted'], others: [[() => customer, 'chat_thread_properties_deleted']] },
  update_event_properties: { own: ['event_properties_updated'], others: [[() => customer, 'event_properties_updated']] },
  delete_event_properties: { own: ['event_properties_deleted'], others: [[() => customer, 'event_properties_deleted']] },
  tag_chat_thread: { own: ['chat_thread_tagged'] },
  untag_chat_thread: { prepare: () => agent.request('tag_chat_thread', samplePayload('tag_chat_thread')), own: ['chat_thread_untagged'] },
  get_customers: { optional: ['payload.next_page_id', 'payload.previous_page_id'] },
  create_customer: { own: ['customer_created'], others: [[() => bot, 'customer_created']] },
  update_customer: { own: ['customer_updated'], others: [[() => customer, 'customer_updated'], [() => bot, 'customer_updated']] },
  ban_customer: { own: ['customer_banned'], others: [[() => customer, 'customer_disconnected'], [() => bot, 'customer_banned']] },
  set_away_status: { own: ['agent_updated'], others: [[() => bot, 'agent_updated']] },
  change_push_notifications: {},
  update_agent: { own: ['agent_updated'], others: [[() => bot, 'agent_updated']] },
  logout: {},
  update_last_seen_timestamp: { own: ['last_seen_timestamp_updated'], others: [[() => customer, 'last_seen_timestamp_updated']] },
  send_typing_indicator: { others: [[() => customer, 'incoming_typing_indicator']] },
  multicast: { own: ['incoming_multicast'], others: [[() => customer, 'incoming_multicast'], [() => bot, 'incoming_multicast']] },
};

const methods = Object.keys(samples.agent_rtm_v3_0.methods).filter((m) => m !== 'login');

describe('agent RTM methods answer with the seed shapes and push to both sides', () => {
  it('implements every method of seed 000, and the table covers each', () => {
    expect(methods.filter((m) => !(m in agentHandlers))).toEqual([]);
    expect(methods.filter((m) => !(m in cases))).toEqual([]);
  });

  it('login answers every key of the seed sample', async () => {
    const { client, login } = await loginAgent(sandbox);
    const sample = seedSample(API, 'login').response;
    const maps = ['payload.chats_summary[0].last_event_per_type', 'payload.chats_summary[0].last_thread_summary.properties', 'payload.chats_summary[0].properties'];
    expect(missingSeedKeys(login, sample, [], maps)).toEqual([]);
    expect(login.payload.chats_summary.map((c: Frame) => c.id)).toEqual([ids.chatId]);
    expect(login.payload.my_profile).toMatchObject({ id: AGENT, type: 'agent', present: true, routing_status: 'accepting_chats', permission: 'administrator' });
    await client.close();
  });

  it.each(methods)('%s', async (method) => {
    const c = cases[method] as Case;
    await c.prepare?.();
    const from = c.from?.() ?? agent;
    const marks = new Map((c.others ?? []).map(([client]) => [client(), client().frames.length]));
    const res = await from.request(method, samplePayload(method));
    expect(res.success, JSON.stringify(res.payload)).toBe(true);
    expect(missingSeedKeys(res, seedSample(API, method).response, c.optional, c.maps)).toEqual([]);
    for (const action of c.own ?? []) {
      const pushed = await from.next((f) => f.type === 'push' && f.action === action && f.request_id === res.request_id);
      expect(pushed.payload).toBeTypeOf('object');
    }
    for (const [client, action] of c.others ?? []) {
      const other = client();
      const since = marks.get(other) ?? 0;
      const pushed = await other.next((f) => f.type === 'push' && f.action === action && other.frames.indexOf(f) >= since);
      expect(pushed.request_id).toBeUndefined();
    }
  });
});

describe('agent RTM method effects', () => {
  it('logout answers and then closes every socket of that agent, telling the others why', async () => {
    const { client: second } = await loginAgent(sandbox);
    const res = await agent.request('logout', {});
    expect(res.success).toBe(true);
    expect((await agent.closed).code).toBe(1000);
    expect((await second.next('agent_disconnected')).payload).toEqual({ reason: 'logged_out_remotely' });
    await second.closed;
    await vi.waitFor(() => expect(sandbox.store.licenses.get(12345)?.agents.get(AGENT)?.sessions).toBe(0));
  });

  it('start_chat with a customer in chat.users reaches that customer with its own view', async () => {
    const res = await agent.request('start_chat', {
      chat: {
        users: [{ id: ids.customerId, type: 'customer' }],
        thread: { events: [{ type: 'message', text: 'hi there' }, { type: 'message', text: 'note', recipients: 'agents' }], tags: ['sales'] },
        properties: { source: { type: 'sandbox' } },
      },
    });
    expect(res.payload.chat.thread.tags).toEqual(['sales']);
    expect(res.payload.chat.properties).toEqual({ source: { type: { value: 'sandbox' } } });
    const pushed = await customer.next((f) => f.action === 'incoming_chat_thread' && f.payload.chat.id === res.payload.chat.id);
    expect(pushed.payload.chat.thread.events.map((e: Frame) => e.text)).toEqual(['hi there']);
  });

  it('send_typing_indicator reaches the customer as incoming_typing_indicator, not the typist', async () => {
    await agent.request('send_typing_indicator', { chat_id: ids.chatId, is_typing: true });
    const pushed = await customer.next('incoming_typing_indicator');
    expect(pushed.payload).toEqual({
      chat_id: ids.chatId,
      thread_id: ids.threadId,
      typing_indicator: { author_id: AGENT, recipients: 'all', timestamp: expect.any(Number), is_typing: true },
    });
    await agent.request('send_typing_indicator', { chat_id: ids.chatId, is_typing: false, recipients: 'agents' });
    expect(agent.pushes('incoming_typing_indicator')).toEqual([]);
    expect(customer.pushes('incoming_typing_indicator')).toHaveLength(1);
  });

  it('close_thread gives both sides a system message and thread_closed, and the chat lands in the archives', async () => {
    await agent.request('close_thread', { chat_id: ids.chatId });
    const system = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'system_message');
    expect(system.payload.event).toMatchObject({ system_message_type: 'manual_archived_agent', text: expect.stringContaining('closed') });
    expect((await customer.next('thread_closed')).payload).toEqual({ chat_id: ids.chatId, thread_id: ids.threadId, user_id: AGENT });
    const archives = await agent.request('get_archives', { filters: { query: 'hello' } });
    expect(archives.payload.chats.map((c: Frame) => c.chat.thread.id)).toEqual([ids.threadId]);
    expect((await agent.request('get_archives', { filters: { query: 'nothing like it' } })).payload.chats).toEqual([]);
  });

  it('rich messages sent by an agent reach the customer as incoming_event with their template', async () => {
    for (const template of ['cards', 'quick_replies', 'sticker']) {
      await agent.request('send_event', { chat_id: ids.chatId, event: { ...rich, template_id: template } });
      const pushed = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.template_id === template);
      expect(pushed.payload.event).toMatchObject({ type: 'rich_message', author_id: AGENT, elements: rich.elements });
    }
  });

  it('follow_chat makes a non-member receive the chat pushes until it unfollows', async () => {
    await bot.request('follow_chat', { chat_id: ids.chatId });
    await customer.request('send_event', { chat_id: ids.chatId, event: { type: 'message', text: 'seen by followers' } });
    expect((await bot.next('incoming_event')).payload.event.text).toBe('seen by followers');
    await bot.request('unfollow_chat', { chat_id: ids.chatId });
    await customer.request('send_event', { chat_id: ids.chatId, event: { type: 'message', text: 'not any more' } });
    await agent.next((f) => f.action === 'incoming_event' && f.payload.event.text === 'not any more');
    expect(bot.pushes('incoming_event')).toHaveLength(1);
  });

  it('transfer_chat hands the chat to an agent of the target group and removes the old one', async () => {
    const { client: sales } = await loginAgent(sandbox, 'demo-sales-token');
    await agent.request('transfer_chat', { chat_id: ids.chatId, target: { type: 'group', ids: [1] } });
    const incoming = await sales.next('incoming_chat_thread');
    expect(incoming.payload.chat.id).toBe(ids.chatId);
    const threads = await sales.request('get_chat_threads', { chat_id: ids.chatId });
    expect(threads.payload.chat.users.map((u: Frame) => u.id)).toEqual([ids.customerId, SALES]);
    expect(threads.payload.chat.access).toEqual({ group_ids: [1] });
    expect((await agent.request('get_chat_threads', { chat_id: ids.chatId })).payload.error.type).toBe('authorization');
  });

  it('transfer_chat to a group nobody can take fails unless forced', async () => {
    const res = await agent.request('transfer_chat', { chat_id: ids.chatId, target: { type: 'group', ids: [1] } });
    expect(res.payload.error.type).toBe('agents_unavailable');
    expect((await agent.request('transfer_chat', { chat_id: ids.chatId, target: { type: 'group', ids: [1] }, force: true })).success).toBe(true);
  });

  it('ban_customer disconnects the customer and refuses its next login', async () => {
    await agent.request('ban_customer', { customer_id: ids.customerId, ban: { days: 1 } });
    expect((await customer.next('customer_disconnected')).payload).toEqual({ reason: 'customer_banned' });
    await customer.closed;
    const customers = await agent.request('get_customers', { filters: { customer_id: { values: [ids.customerId] } } });
    expect(customers.payload.customers[0]).toMatchObject({ id: ids.customerId, banned: true });
  });

  it('get_customers pages with page ids and filters by counts', async () => {
    for (let i = 0; i < 3; i++) await agent.request('create_customer', { name: `C${i}` });
    const first = await agent.request('get_customers', { limit: 2, order: 'asc' });
    expect(first.payload.total_customers).toBe(4);
    expect(first.payload.customers).toHaveLength(2);
    const second = await agent.request('get_customers', { limit: 2, order: 'asc', page_id: first.payload.next_page_id });
    expect(second.payload.customers.map((c: Frame) => c.name)).toEqual(['C1', 'C2']);
    expect(second.payload.previous_page_id).toBeTypeOf('string');
    const chatting = await agent.request('get_customers', { filters: { chats_count: { gte: 1 } } });
    expect(chatting.payload.customers.map((c: Frame) => c.id)).toEqual([ids.customerId]);
  });

  it('properties are sent bare and come back wrapped in {value}', async () => {
    await agent.request('update_chat_thread_properties', { chat_id: ids.chatId, thread_id: ids.threadId, properties: { rating: { score: 1 } } });
    const pushed = await customer.next('chat_thread_properties_updated');
    expect(pushed.payload).toEqual({ chat_id: ids.chatId, thread_id: ids.threadId, properties: { rating: { score: { value: 1 } } } });
    const summary = await agent.request('get_chats_summary', { filters: { properties: { rating: { score: { values: [1] } } } } });
    expect(summary.payload.chats.map((c: Frame) => c.chat.id)).toEqual([ids.chatId]);
    const none = await agent.request('get_chats_summary', { filters: { properties: { rating: { score: { values: [0] } } } } });
    expect(none.payload.chats).toEqual([]);
  });

  it('get_chat_threads_summary pages with the seed page id format', async () => {
    for (let i = 0; i < 2; i++) {
      await agent.request('close_thread', { chat_id: ids.chatId });
      await agent.request('activate_chat', { chat: { id: ids.chatId } });
    }
    const first = await agent.request('get_chat_threads_summary', { chat_id: ids.chatId, limit: 2 });
    expect(first.payload.found_threads).toBe(3);
    expect(Buffer.from(first.payload.next_page_id, 'base64').toString()).toBe('2:desc');
    const rest = await agent.request('get_chat_threads_summary', { chat_id: ids.chatId, limit: 2, page_id: first.payload.next_page_id });
    expect(rest.payload.threads_summary.map((t: Frame) => t.id)).toEqual([ids.threadId]);
  });
});
