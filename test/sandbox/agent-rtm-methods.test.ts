// Every agent RTM method of seed 000, sent as the seed's own sample request (ids swapped for
// real ones) over a real socket: the response must carry every key of the seed's sample
// response, and the pushes it causes must reach the requester (with its request_id) and the
// other side — the chat's customer or other agents.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentHandlers } from '../../demo/sandbox/agent-handlers';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { AGENT, agentScene, BOT, loginAgent, missingSeedKeys, withSalesAgent } from './agent-helpers';
import type { SceneIds } from './agent-helpers';
import { seedSample, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

const API = 'agent_rtm_v3_0';

let sandbox: Sandbox;
let agent: TestClient;
let bot: TestClient;
let customer: TestClient;
let ids: SceneIds;

beforeEach(async () => {
  sandbox = await startTestSandbox({ fixtures: withSalesAgent() });
  ({ agent, bot, customer, ids } = await agentScene(sandbox));
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
