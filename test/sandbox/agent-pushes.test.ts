// Every push of seed 002's "Pushes" section, caused the way it happens in use (by a customer,
// another agent or the agent itself), reaches an agent socket with every key of the seed's
// sample payload.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { agentScene, BOT, loginAgent, missingSeedKeys, SALES_TOKEN, withSalesAgent } from './agent-helpers';
import type { SceneIds } from './agent-helpers';
import { loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

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

interface Case {
  /** Makes the push happen; resolves with the socket that must get it. */
  cause: () => Promise<TestClient>;
  /** Sample keys the sandbox cannot know (no geolocation or user agent) or the seed marks optional. */
  optional?: string[];
  maps?: string[];
  /** Where the sample's object is in the push, when the seed's payload table and sample disagree. */
  unwrap?: string;
}

const cases: Record<string, Case> = {
  incoming_chat_thread: {
    cause: async () => {
      await agent.request('close_thread', { chat_id: ids.chatId });
      await customer.request('activate_chat', { chat: { id: ids.chatId } });
      return agent;
    },
    maps: ['chat.properties'],
  },
  incoming_event: { cause: async () => (await customer.request('send_event', { chat_id: ids.chatId, event: { type: 'message', text: 'hi' } }), agent) },
  incoming_rich_message_postback: {
    cause: async () => {
      await customer.request('send_rich_message_postback', { chat_id: ids.chatId, thread_id: ids.threadId, event_id: ids.richId, postback: { id: 'Method URL_yes', toggled: true } });
      return agent;
    },
  },
  incoming_multicast: {
    cause: async () => (await agent.request('multicast', { scopes: { agents: { ids: [BOT] } }, content: { example: { nested: 'json' } }, type: 'type1' }), bot),
  },
  incoming_typing_indicator: {
    cause: async () => {
      await agent.request('add_user_to_chat', { chat_id: ids.chatId, user_id: BOT, user_type: 'agent' });
      await bot.request('send_typing_indicator', { chat_id: ids.chatId, is_typing: true });
      return agent;
    },
  },
  incoming_sneak_peek: { cause: async () => (await customer.request('send_sneak_peek', { chat_id: ids.chatId, sneak_peek_text: 'typing…' }), agent) },
  customer_banned: { cause: async () => (await agent.request('ban_customer', { customer_id: ids.customerId, ban: { days: 5 } }), bot) },
  thread_closed: { cause: async () => (await customer.request('close_thread', { chat_id: ids.chatId }), agent) },
  access_granted: { cause: async () => (await agent.request('grant_access', { resource: 'chat', id: ids.chatId, access: { type: 'group', id: 1 } }), bot) },
  access_revoked: {
    cause: async () => {
      await agent.request('grant_access', { resource: 'chat', id: ids.chatId, access: { type: 'group', id: 1 } });
      await agent.request('revoke_access', { resource: 'chat', id: ids.chatId, access: { type: 'group', id: 1 } });
      return bot;
    },
  },
  agent_updated: { cause: async () => (await agent.request('set_away_status', { away: true }), bot) },
  agent_disconnected: {
    cause: async () => {
      const { client: other } = await loginAgent(sandbox);
      await agent.request('logout', {});
      return other;
    },
  },
  chat_properties_updated: {
    cause: async () => (await customer.request('update_chat_properties', { chat_id: ids.chatId, properties: { rating: { score: 1 } } }), agent),
    maps: ['properties'],
  },
  chat_thread_properties_updated: {
    cause: async () => {
      await customer.request('update_chat_thread_properties', { chat_id: ids.chatId, thread_id: ids.threadId, properties: { rating: { score: 1 } } });
      return agent;
    },
    maps: ['properties'],
  },
  last_seen_timestamp_updated: { cause: async () => (await customer.request('update_last_seen_timestamp', { chat_id: ids.chatId }), agent) },
  customer_created: { cause: async () => (await agent.request('create_customer', { name: 'New' }), bot) },
  customer_updated: {
    cause: async () => (await agent.request('update_customer', { customer_id: ids.customerId, name: 'John Doe' }), bot),
    optional: ['email'],
    maps: ['fields'],
    // Seed 002's payload table names one object, `customer`; its sample shows that object's fields.
    unwrap: 'customer',
  },
  customer_visit_started: { cause: async () => (await loginCustomer(sandbox), bot), optional: ['user_agent', 'geolocation'] },
  customer_visit_ended: { cause: async () => (await customer.close(), bot) },
  customer_page_updated: {
    cause: async () => (await customer.request('update_customer_page', { url: 'https://chatlet.test/pricing', title: 'Pricing' }), agent),
    // The referrer is known only when the customer sent one at login.
    optional: ['referrer'],
  },
  chat_user_added: { cause: async () => (await agent.request('add_user_to_chat', { chat_id: ids.chatId, user_id: BOT, user_type: 'agent' }), agent) },
  chat_user_removed: {
    cause: async () => {
      await agent.request('add_user_to_chat', { chat_id: ids.chatId, user_id: BOT, user_type: 'agent' });
      await agent.request('remove_user_from_chat', { chat_id: ids.chatId, user_id: BOT, user_type: 'agent' });
      return bot;
    },
  },
  chat_transferred: {
    cause: async () => {
      await loginAgent(sandbox, SALES_TOKEN);
      await bot.request('transfer_chat', { chat_id: ids.chatId, target: { type: 'group', ids: [1] } });
      return agent;
    },
  },
};

const pushes = Object.keys(samples.agent_pushes_v3_0.pushes);

describe('agent pushes carry the seed shapes', () => {
  it('covers every push of seed 002', () => {
    expect(pushes.filter((p) => !(p in cases))).toEqual([]);
  });

  it.each(pushes)('%s', async (action) => {
    const c = cases[action] as Case;
    const target = await c.cause();
    const pushed: Frame = await target.next(action);
    const sample = (samples.agent_pushes_v3_0.pushes as Record<string, { payload: { json: Frame } }>)[action]?.payload.json;
    const payload = c.unwrap ? pushed.payload[c.unwrap] : pushed.payload;
    expect(missingSeedKeys(payload, sample, c.optional, c.maps)).toEqual([]);
  });
});
