// Optional means optional: every optional parameter of every method of the three APIs (customer
// RTM, agent RTM, agent Web) sent as JSON `null` is taken as absent and the request succeeds,
// while a required one sent as `null` gets `validation`. LiveChat's own SDK sends
// `customer_side_storage: null` on a first visit, which is how this was found (issue 16).
//
// The optional parameters come from the seeds: what the seed samples show (the "optional params"
// sample minus the "required params only" one, checked below to be covered) plus the rest of each
// method's parameter table, written into the cases by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWebHandlers } from '../../demo/sandbox/agent-handlers';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { AGENT, AGENT_TOKEN, agentScene, BOT, web, webSample } from './agent-helpers';
import { connect, connectCustomer, LICENSE, loginCustomer, seedSample, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

type Api = 'customer_rtm_v3_1' | 'agent_rtm_v3_0' | 'agent_web_v3_0';

/** What the cases build their requests from. */
interface Scene {
  sandbox: Sandbox;
  customer: TestClient;
  customerId: string;
  agent: TestClient;
  /** An active chat of the customer with the agent: a customer message, then the agent's rich message. */
  chatId: string;
  threadId: string;
  messageId: string;
  richId: string;
  /** A new active chat (for methods that change the chat they act on). */
  freshChat(): Promise<{ chatId: string; threadId: string }>;
  /** A new chat whose only thread is closed. */
  closedChat(): Promise<string>;
  /** A new chat the agent follows without being one of its users. */
  followedChat(): Promise<string>;
}

interface NullCase {
  method: string;
  /** A valid request. */
  base: (s: Scene) => Frame | Promise<Frame>;
  /** Dotted paths of the optional parameters, each sent as null on its own. */
  optional?: string[];
  /** Dotted paths of required parameters, each sent as null on its own: `validation` unless `requiredError` says otherwise. */
  required?: string[];
  requiredError?: Record<string, string>;
}

/** `base` with `path` set to null, creating the objects on the way. */
function withNull(base: Frame, path: string): Frame {
  const out = structuredClone(base);
  const keys = path.split('.');
  let at: Frame = out;
  for (const k of keys.slice(0, -1)) at = at[k] !== null && typeof at[k] === 'object' ? at[k] : (at[k] = {});
  at[keys.at(-1)!] = null;
  return out;
}

const MESSAGE = { type: 'message', text: 'hi' };
const PROPS = { properties: { rating: { score: 1 } } };
const NAMES = { properties: { rating: ['score'] } };
const CHAT_FIELDS = ['chat.properties', 'chat.access', 'chat.thread', 'chat.thread.events', 'chat.thread.properties'];
const EVENT_FIELDS = ['event.custom_id', 'event.recipients', 'event.properties'];

const customerCases: NullCase[] = [
  { method: 'login', base: (s) => ({ token: `Bearer ${s.sandbox.issueCustomerToken(LICENSE, s.customerId).access_token}` }), required: ['token'],
    optional: ['customer', 'customer.name', 'customer.email', 'customer.avatar', 'customer.fields', 'customer_page', 'customer_page.url', 'customer_page.title', 'customer_side_storage', 'is_mobile', 'group_id', 'referrer'] },
  { method: 'get_chats_summary', base: () => ({}), optional: ['offset', 'limit'] },
  { method: 'get_chat_threads_summary', base: (s) => ({ chat_id: s.chatId }), optional: ['offset', 'limit'], required: ['chat_id'] },
  { method: 'get_chat_threads', base: (s) => ({ chat_id: s.chatId }), optional: ['thread_ids'], required: ['chat_id'] },
  { method: 'start_chat', base: () => ({ chat: { thread: { events: [MESSAGE] } } }), optional: ['chat', 'continuous', 'chat.users', ...CHAT_FIELDS] },
  { method: 'activate_chat', base: async (s) => ({ chat: { id: await s.closedChat() } }), optional: ['continuous', ...CHAT_FIELDS], required: ['chat', 'chat.id'] },
  { method: 'close_thread', base: async (s) => ({ chat_id: (await s.freshChat()).chatId }), required: ['chat_id'] },
  { method: 'send_event', base: (s) => ({ chat_id: s.chatId, event: MESSAGE }), optional: ['attach_to_last_thread', 'require_active_thread', ...EVENT_FIELDS],
    required: ['chat_id', 'event', 'event.type', 'event.text'] },
  { method: 'send_rich_message_postback', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, event_id: s.richId, postback: { id: 'Method URL_yes', toggled: true } }),
    required: ['chat_id', 'thread_id', 'event_id', 'postback', 'postback.id', 'postback.toggled'] },
  { method: 'send_sneak_peek', base: (s) => ({ chat_id: s.chatId, sneak_peek_text: 'typing' }), required: ['chat_id', 'sneak_peek_text'] },
  { method: 'update_chat_properties', base: (s) => ({ chat_id: s.chatId, ...PROPS }), required: ['chat_id', 'properties'] },
  { method: 'delete_chat_properties', base: (s) => ({ chat_id: s.chatId, ...NAMES }), required: ['chat_id', 'properties'] },
  { method: 'update_chat_thread_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, ...PROPS }), required: ['chat_id', 'thread_id', 'properties'] },
  { method: 'delete_chat_thread_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, ...NAMES }), required: ['chat_id', 'thread_id', 'properties'] },
  { method: 'update_event_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, event_id: s.messageId, ...PROPS }),
    required: ['chat_id', 'thread_id', 'event_id', 'properties'] },
  { method: 'delete_event_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, event_id: s.messageId, ...NAMES }),
    required: ['chat_id', 'thread_id', 'event_id', 'properties'] },
  // "At least one" of them: each null leaves the other.
  { method: 'update_customer', base: () => ({ name: 'Ann', email: 'ann@chatlet.test' }), optional: ['name', 'email', 'avatar', 'fields'] },
  { method: 'update_customer_page', base: () => ({ url: 'https://chatlet.test/pricing', title: 'Pricing' }), optional: ['title'], required: ['url'] },
  { method: 'set_customer_fields', base: () => ({ fields: { plan: 'pro' } }), required: ['fields'] },
  { method: 'get_groups_status', base: () => ({ all: true }), optional: ['groups', 'group_ids'] },
  { method: 'get_groups_status', base: () => ({ groups: [0] }), optional: ['all'] },
  { method: 'get_form', base: () => ({ group_id: 0, type: 'prechat' }), required: ['group_id', 'type'] },
  { method: 'get_predicted_agent', base: () => ({ group_id: 0 }), optional: ['group_id'] },
  { method: 'get_url_details', base: () => ({ url: 'https://chatlet.test/' }), required: ['url'] },
  { method: 'update_last_seen_timestamp', base: (s) => ({ chat_id: s.chatId, timestamp: 1 }), optional: ['timestamp'], required: ['chat_id'] },
  { method: 'mark_events_as_seen', base: (s) => ({ chat_id: s.chatId, seen_up_to: '2017-10-12T15:19:21.010200Z' }), required: ['chat_id', 'seen_up_to'] },
];

const ACCESS = (s: Scene): Frame => ({ resource: 'chat', id: s.chatId, access: { type: 'group', id: 0 } });
const ACCESS_REQUIRED = ['resource', 'id', 'access', 'access.type', 'access.id'];
const CUSTOMER_FILTERS = ['country', 'email', 'name', 'customer_id', 'chats_count', 'threads_count', 'visits_count', 'created_at', 'agent_last_event_created_at', 'customer_last_event_created_at'];

/** Seed 000's methods; the Web API (seed 001) shares them except the RTM-only ones. */
const agentCases: NullCase[] = [
  { method: 'login', base: () => ({ token: `Bearer ${AGENT_TOKEN}`, push_notifications: { firebase_token: 'fb-1', platform: 'ios' }, application: { name: 'console', version: '1' } }),
    optional: ['timezone', 'reconnect', 'push_notifications', 'push_notifications.firebase_token', 'application', 'application.name', 'application.version'],
    // A missing token is refused like a wrong one (agent-handlers-status.ts): not a malformed request.
    required: ['token', 'push_notifications.platform'], requiredError: { token: 'authentication' } },
  { method: 'get_chats_summary', base: () => ({ filters: { include_active: true, properties: {} }, pagination: { page: 1, limit: 10 } }),
    optional: ['filters', 'filters.include_active', 'filters.properties', 'pagination', 'pagination.page', 'pagination.limit'] },
  { method: 'get_filtered_chats', base: () => ({ filters: { include_active: true, properties: {} } }), optional: ['filters', 'filters.include_active', 'filters.properties'] },
  { method: 'get_chat_threads_summary', base: (s) => ({ chat_id: s.chatId, order: 'desc', limit: 10 }), optional: ['order', 'limit', 'page_id'], required: ['chat_id'] },
  { method: 'get_chat_threads', base: (s) => ({ chat_id: s.chatId, thread_ids: [s.threadId] }), optional: ['thread_ids'], required: ['chat_id'] },
  { method: 'get_archives', base: () => ({ filters: { query: 'hi', date_from: '2016-01-01', date_to: '2099-01-01', agent_ids: [AGENT], group_ids: [0], properties: {} }, pagination: { page: 1, limit: 10 } }),
    optional: ['filters', 'filters.query', 'filters.date_from', 'filters.date_to', 'filters.agent_ids', 'filters.group_ids', 'filters.properties', 'pagination', 'pagination.page', 'pagination.limit'] },
  { method: 'start_chat', base: (s) => ({ chat: { users: [{ id: s.customerId, type: 'customer' }], thread: { events: [MESSAGE], tags: ['t'] } }, continuous: false }),
    optional: ['chat', 'continuous', 'chat.users', 'chat.thread.tags', ...CHAT_FIELDS] },
  { method: 'activate_chat', base: async (s) => ({ chat: { id: await s.closedChat(), users: [{ id: s.customerId, type: 'customer' }] } }),
    optional: ['continuous', 'chat.users', ...CHAT_FIELDS], required: ['chat', 'chat.id'] },
  { method: 'close_thread', base: async (s) => ({ chat_id: (await s.freshChat()).chatId }), required: ['chat_id'] },
  { method: 'follow_chat', base: (s) => ({ chat_id: s.chatId }), required: ['chat_id'] },
  { method: 'unfollow_chat', base: async (s) => ({ chat_id: await s.followedChat() }), required: ['chat_id'] },
  { method: 'grant_access', base: ACCESS, required: ACCESS_REQUIRED },
  { method: 'revoke_access', base: ACCESS, required: ACCESS_REQUIRED },
  { method: 'set_access', base: ACCESS, required: ACCESS_REQUIRED },
  { method: 'transfer_chat', base: async (s) => ({ chat_id: (await s.freshChat()).chatId, target: { type: 'agent', ids: [BOT] }, force: true }),
    optional: ['target', 'force'], required: ['chat_id', 'target.type', 'target.ids'] },
  { method: 'add_user_to_chat', base: (s) => ({ chat_id: s.chatId, user_id: BOT, user_type: 'agent' }), required: ['chat_id', 'user_id', 'user_type'] },
  { method: 'remove_user_from_chat', base: (s) => ({ chat_id: s.chatId, user_id: BOT, user_type: 'agent' }), required: ['chat_id', 'user_id', 'user_type'] },
  { method: 'send_event', base: (s) => ({ chat_id: s.chatId, event: MESSAGE }), optional: ['attach_to_last_thread', 'require_active_thread', ...EVENT_FIELDS], required: ['chat_id', 'event'] },
  { method: 'send_rich_message_postback', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, event_id: s.richId, postback: { id: 'Method URL_yes', toggled: true } }),
    required: ['chat_id', 'thread_id', 'event_id', 'postback', 'postback.id', 'postback.toggled'] },
  { method: 'update_chat_properties', base: (s) => ({ chat_id: s.chatId, ...PROPS }), required: ['chat_id', 'properties'] },
  { method: 'delete_chat_properties', base: (s) => ({ chat_id: s.chatId, ...NAMES }), required: ['chat_id', 'properties'] },
  { method: 'update_chat_thread_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, ...PROPS }), required: ['chat_id', 'thread_id', 'properties'] },
  { method: 'delete_chat_thread_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, ...NAMES }), required: ['chat_id', 'thread_id', 'properties'] },
  { method: 'update_event_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, event_id: s.messageId, ...PROPS }),
    required: ['chat_id', 'thread_id', 'event_id', 'properties'] },
  { method: 'delete_event_properties', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, event_id: s.messageId, ...NAMES }),
    required: ['chat_id', 'thread_id', 'event_id', 'properties'] },
  { method: 'tag_chat_thread', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, tag: 'x' }), required: ['chat_id', 'thread_id', 'tag'] },
  { method: 'untag_chat_thread', base: (s) => ({ chat_id: s.chatId, thread_id: s.threadId, tag: 'x' }), required: ['chat_id', 'thread_id', 'tag'] },
  { method: 'get_customers', base: () => ({ limit: 10, order: 'asc', filters: { visits_count: { gte: 0 } } }),
    optional: ['page_id', 'limit', 'order', 'filters', ...CUSTOMER_FILTERS.map((f) => `filters.${f}`)] },
  { method: 'create_customer', base: () => ({ name: 'New', email: 'new@chatlet.test', avatar: 'https://chatlet.test/a.png', fields: { a: 'b' } }), optional: ['name', 'email', 'avatar', 'fields'] },
  { method: 'update_customer', base: (s) => ({ customer_id: s.customerId, name: 'Ann', email: 'ann@chatlet.test', avatar: 'https://chatlet.test/a.png', fields: { a: 'b' } }),
    optional: ['name', 'email', 'avatar', 'fields'], required: ['customer_id'] },
  // A customer of its own: a ban disconnects it.
  { method: 'ban_customer', base: async (s) => ({ customer_id: (await loginCustomer(s.sandbox)).customerId, ban: { days: 1 } }), required: ['customer_id', 'ban', 'ban.days'] },
  { method: 'set_away_status', base: () => ({ away: false }), required: ['away'] },
  { method: 'change_push_notifications', base: () => ({ firebase_token: 'fb-1', platform: 'ios', enabled: true }), required: ['firebase_token', 'platform', 'enabled'] },
  { method: 'update_agent', base: () => ({ agent_id: AGENT, routing_status: 'accepting_chats' }), optional: ['agent_id', 'routing_status'] },
  { method: 'update_last_seen_timestamp', base: (s) => ({ chat_id: s.chatId, timestamp: 1 }), optional: ['timestamp'], required: ['chat_id'] },
  { method: 'send_typing_indicator', base: (s) => ({ chat_id: s.chatId, is_typing: true, recipients: 'all' }), optional: ['recipients'], required: ['chat_id', 'is_typing'] },
  { method: 'multicast', base: (s) => ({ scopes: { agents: { ids: [AGENT], groups: [0] }, customers: { ids: [s.customerId] } }, content: { hi: 1 }, type: 'x' }),
    optional: ['type', 'scopes.agents', 'scopes.agents.ids', 'scopes.agents.groups', 'scopes.customers', 'scopes.customers.ids'], required: ['scopes', 'content'] },
];

/** Seed 001 has no `login` and no RTM-only status methods; its multipart uploads cannot carry a JSON null. */
const webCases = agentCases.filter((c) => Object.hasOwn(agentWebHandlers, c.method));

const CASES: Record<Api, NullCase[]> = { customer_rtm_v3_1: customerCases, agent_rtm_v3_0: agentCases, agent_web_v3_0: webCases };

function payloadKeys(frame: Frame | undefined): string[] {
  const payload = frame?.payload ?? frame;
  return payload && typeof payload === 'object' ? Object.keys(payload) : [];
}

/** Optional top-level parameters the seed samples show: in the optional-params sample but not the required-only one. */
function fromSamples(api: Api): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  // The multipart uploads of seed 001 have no JSON body (and no seed 000 sample to compare with).
  const methods = Object.keys(samples[api].methods).filter((m) => !['send_file', 'upload_image'].includes(m));
  for (const method of methods) {
    let required: string[];
    let all: string[];
    if (api === 'agent_web_v3_0') {
      // Seed 001 shows one sample per method: what seed 000 does not require in it is optional.
      all = payloadKeys(webSample(method).request);
      required = payloadKeys(seedSample('agent_rtm_v3_0', method).request);
    } else {
      const sample = seedSample(api, method);
      all = payloadKeys(sample.requestOptional);
      required = payloadKeys(sample.request);
    }
    // `author_id` is a field of the request envelope (bots act for an agent), not a parameter.
    for (const k of all) if (!required.includes(k) && k !== 'author_id') out.push([method, k]);
  }
  return out;
}

/** Every optional parameter the cases cover, as `method: param` (for the report and the coverage check). */
function covered(api: Api): string[] {
  return CASES[api].flatMap((c) => (c.optional ?? []).map((p) => `${c.method}: ${p}`));
}

describe('the cases cover the seed samples', () => {
  it.each(Object.keys(CASES) as Api[])('%s: every optional parameter a seed sample shows has a null case', (api) => {
    const mine = new Set(covered(api));
    const missing = fromSamples(api)
      .filter(([method]) => api !== 'agent_web_v3_0' || Object.hasOwn(agentWebHandlers, method))
      .map(([method, k]) => `${method}: ${k}`)
      .filter((entry) => !mine.has(entry));
    expect(missing).toEqual([]);
  });
});

/** Starts a sandbox with the agent scene and answers requests of one API. */
async function startScene(): Promise<Scene & { close(): Promise<void> }> {
  const sandbox = await startTestSandbox();
  const { agent, customer, ids } = await agentScene(sandbox);
  const freshChat = async (): Promise<{ chatId: string; threadId: string }> => {
    const res = await customer.request('start_chat', { chat: { thread: { events: [MESSAGE] } } });
    const chat = (await customer.next((f) => f.action === 'incoming_chat_thread' && f.request_id === res.request_id)).payload.chat;
    return { chatId: chat.id, threadId: chat.thread.id };
  };
  return {
    sandbox,
    customer,
    customerId: ids.customerId,
    agent,
    chatId: ids.chatId,
    threadId: ids.threadId,
    messageId: ids.messageId,
    richId: ids.richId,
    freshChat,
    async closedChat() {
      const { chatId } = await freshChat();
      const closed = await customer.request('close_thread', { chat_id: chatId });
      if (!closed.success) throw new Error(`close_thread failed: ${JSON.stringify(closed.payload)}`);
      return chatId;
    },
    async followedChat() {
      const { chatId } = await freshChat();
      await agent.request('transfer_chat', { chat_id: chatId, target: { type: 'agent', ids: [BOT] }, force: true });
      const followed = await agent.request('follow_chat', { chat_id: chatId });
      if (!followed.success) throw new Error(`follow_chat failed: ${JSON.stringify(followed.payload)}`);
      return chatId;
    },
    close: () => sandbox.close(),
  };
}

/** Sends one request over the API under test; `login` opens a connection of its own. */
async function call(api: Api, s: Scene, method: string, payload: Frame): Promise<{ ok: boolean; error?: string; body: unknown }> {
  if (api === 'agent_web_v3_0') {
    const { status, body } = await web(s.sandbox, method, payload);
    return { ok: status === 200, error: body.error?.type, body };
  }
  let client = api === 'customer_rtm_v3_1' ? s.customer : s.agent;
  let opened: TestClient | undefined;
  if (method === 'login') {
    opened = client = api === 'customer_rtm_v3_1' ? await connectCustomer(s.sandbox) : await connect(`${s.sandbox.wsUrl}/v3.0/agent/rtm/ws`);
  }
  const res = await client.request(method, payload);
  await opened?.close();
  return { ok: res.success === true, error: res.payload?.error?.type, body: res.payload };
}

describe.each(Object.keys(CASES) as Api[])('%s', (api) => {
  let scene: Awaited<ReturnType<typeof startScene>>;
  beforeAll(async () => {
    scene = await startScene();
  });
  afterAll(() => scene.close());

  const optionalRows = CASES[api].flatMap((c) => (c.optional ?? []).map((path) => [c.method, path, c] as const));
  it.each(optionalRows)('%s with optional `%s: null` succeeds', async (method, path, c) => {
    const res = await call(api, scene, method, withNull(await c.base(scene), path));
    expect(res, JSON.stringify(res.body)).toMatchObject({ ok: true });
  });

  const requiredRows = CASES[api].flatMap((c) => (c.required ?? []).map((path) => [c.method, path, c] as const));
  it.each(requiredRows)('%s with required `%s: null` is refused', async (method, path, c) => {
    const res = await call(api, scene, method, withNull(await c.base(scene), path));
    expect(res.ok).toBe(false);
    expect(res.error).toBe(c.requiredError?.[path] ?? 'validation');
  });

  it('a base request of every case succeeds as it is (so the null rows test only the null)', async () => {
    for (const c of CASES[api]) {
      const res = await call(api, scene, c.method, await c.base(scene));
      expect(res.ok, `${c.method}: ${JSON.stringify(res.body)}`).toBe(true);
    }
  });
});

describe('the request envelope', () => {
  it('takes `request_id: null` and `payload: null` as left out', async () => {
    const scene = await startScene();
    try {
      scene.customer.send({ request_id: null, action: 'get_chats_summary', payload: null });
      const res = await scene.customer.next((f) => f.type === 'response' && f.action === 'get_chats_summary');
      expect(res.success).toBe(true);
      expect(res).not.toHaveProperty('request_id');
    } finally {
      await scene.close();
    }
  });
});
