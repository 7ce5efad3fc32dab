// Agent authentication and authorization over both transports: no token or a wrong token is
// `authentication` (HTTP 401), a chat outside the agent's access is `authorization` (403), and so
// is an unknown id (seed 002's error types have no "not found") — and none of them changes anything. The chat under test is
// a Sales (group 1) chat served by the Sales agent; the General-only agent is the outsider.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT, BOT_TOKEN, chatWithAgent, loginAgent, SALES_TOKEN, web, withSalesAgent } from './agent-helpers';
import { connect, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
/** The Sales agent, member of the chat. */
let owner: TestClient;
let customer: TestClient;
let chatId: string;
let threadId: string;
let customerId: string;

beforeEach(async () => {
  sandbox = await startTestSandbox({ fixtures: withSalesAgent() });
  ({ agent: owner, customer, chatId, threadId, customerId } = await chatWithAgent(sandbox, SALES_TOKEN, 1));
});
afterEach(() => sandbox.close());

const rtmUrl = (): string => `${sandbox.wsUrl}/v3.0/agent/rtm/ws`;

describe('authentication', () => {
  it.each([
    ['no token', {}],
    ['an empty token', { token: '' }],
    ['a wrong token', { token: 'Bearer not-a-token' }],
    ['a token without Bearer', { token: 'demo-agent-token' }],
  ])('RTM login with %s → authentication, and the socket stays logged out', async (_, payload) => {
    const client = await connect(rtmUrl());
    const res = await client.request('login', payload);
    expect(res).toMatchObject({ success: false, payload: { error: { type: 'authentication' } } });
    expect((await client.request('get_chats_summary', {})).payload.error.type).toBe('authentication');
    await client.close();
  });

  it('a customer access token is not an agent token', async () => {
    const token = sandbox.issueCustomerToken();
    const client = await connect(rtmUrl());
    expect((await client.request('login', { token: `Bearer ${token.access_token}` })).payload.error.type).toBe('authentication');
    expect((await web(sandbox, 'get_customers', {}, token.access_token)).status).toBe(401);
    await client.close();
  });

  it('RTM requests before login → authentication; a second login → validation', async () => {
    const client = await connect(rtmUrl());
    expect((await client.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'x' } })).payload.error.type).toBe('authentication');
    expect((await client.request('login', { token: 'Bearer demo-agent-token' })).success).toBe(true);
    expect((await client.request('login', { token: 'Bearer demo-agent-token' })).payload.error.type).toBe('validation');
    await client.close();
  });

  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'nope'],
  ])('Web API with %s → 401 authentication', async (_, token) => {
    const res = await web(sandbox, 'get_chat_threads', { chat_id: chatId }, token);
    expect(res).toEqual({ status: 401, body: { error: { type: 'authentication', message: expect.any(String) } } });
  });

  it('Web API with a non-Bearer scheme → 401', async () => {
    const res = await fetch(`${sandbox.url}/v3.0/agent/action/get_customers`, { method: 'POST', headers: { Authorization: 'Basic ZGVtbw==' }, body: '{}' });
    expect(res.status).toBe(401);
  });
});

describe('authorization', () => {
  /** Requests a Sales-only agent must not be able to make on General's chat. */
  const denied: Array<[string, () => Frame]> = [
    ['get_chat_threads', () => ({ chat_id: chatId })],
    ['get_chat_threads_summary', () => ({ chat_id: chatId })],
    ['send_event', () => ({ chat_id: chatId, event: { type: 'message', text: 'intruder' } })],
    ['send_typing_indicator', () => ({ chat_id: chatId, is_typing: true })],
    ['close_thread', () => ({ chat_id: chatId })],
    ['follow_chat', () => ({ chat_id: chatId })],
    ['tag_chat_thread', () => ({ chat_id: chatId, thread_id: threadId, tag: 'x' })],
    ['update_chat_properties', () => ({ chat_id: chatId, properties: { ns: { k: 1 } } })],
    ['grant_access', () => ({ resource: 'chat', id: chatId, access: { type: 'group', id: 1 } })],
    ['transfer_chat', () => ({ chat_id: chatId, target: { type: 'group', ids: [1] }, force: true })],
    ['add_user_to_chat', () => ({ chat_id: chatId, user_id: AGENT, user_type: 'agent' })],
    ['activate_chat', () => ({ chat: { id: chatId } })],
    ['update_last_seen_timestamp', () => ({ chat_id: chatId })],
  ];

  it.each(denied)('RTM %s on a chat of another group → authorization', async (method, payload) => {
    const { client: outsider } = await loginAgent(sandbox);
    const res = await outsider.request(method, payload());
    expect(res).toMatchObject({ success: false, payload: { error: { type: 'authorization' } } });
    expect(customer.pushes('incoming_event').filter((f) => f.payload.event.text === 'intruder')).toEqual([]);
  });

  it.each(denied)('Web %s on a chat of another group → 403 authorization', async (method, payload) => {
    const res = await web(sandbox, method, payload());
    expect(res).toMatchObject({ status: 403, body: { error: { type: 'authorization' } } });
  });

  it('lists leave out chats outside the access', async () => {
    await owner.request('close_thread', { chat_id: chatId });
    const { client: outsider, login } = await loginAgent(sandbox);
    expect(login.payload.chats_summary).toEqual([]);
    expect((await outsider.request('get_chats_summary', {})).payload.chats).toEqual([]);
    expect((await outsider.request('get_archives', {})).payload.chats).toEqual([]);
    expect((await owner.request('get_archives', {})).payload.chats).toHaveLength(1);
  });

  it('granting group 0 (everyone) lets the outsider in; revoking shuts it out again', async () => {
    const { client: outsider } = await loginAgent(sandbox);
    await owner.request('grant_access', { resource: 'chat', id: chatId, access: { type: 'group', id: 0 } });
    expect((await outsider.next('access_granted')).payload).toEqual({ resource: 'chat', id: chatId, access: { group_ids: [0] } });
    expect((await outsider.request('get_chat_threads', { chat_id: chatId })).success).toBe(true);
    await owner.request('revoke_access', { resource: 'chat', id: chatId, access: { type: 'group', id: 0 } });
    expect((await outsider.next('access_revoked')).payload.access).toEqual({ group_ids: [0] });
    expect((await outsider.request('get_chat_threads', { chat_id: chatId })).payload.error.type).toBe('authorization');
  });

  it('access set to one agent by id reaches that agent only', async () => {
    const { client: outsider } = await loginAgent(sandbox);
    await owner.request('set_access', { resource: 'chat', id: chatId, access: { type: 'agent', id: AGENT } });
    expect((await outsider.request('get_chat_threads', { chat_id: chatId })).success).toBe(true);
    const { client: bot } = await loginAgent(sandbox, BOT_TOKEN);
    expect((await bot.request('get_chat_threads', { chat_id: chatId })).payload.error.type).toBe('authorization');
    // The agent in the chat keeps its access as a member.
    expect((await owner.request('get_chat_threads', { chat_id: chatId })).payload.chat.access).toEqual({ group_ids: [], agent_ids: [AGENT] });
  });

  it('only administrators update other agents', async () => {
    const { client: bot } = await loginAgent(sandbox, BOT_TOKEN);
    const res = await bot.request('update_agent', { agent_id: AGENT, routing_status: 'not_accepting_chats' });
    expect(res.payload.error.type).toBe('authorization');
    const { client: admin } = await loginAgent(sandbox);
    expect((await admin.request('update_agent', { agent_id: 'bot@chatlet.test', routing_status: 'not_accepting_chats' })).success).toBe(true);
  });

  it('customers cannot be removed from their chat', async () => {
    const res = await owner.request('remove_user_from_chat', { chat_id: chatId, user_id: customerId, user_type: 'customer' });
    expect(res.payload.error.type).toBe('authorization');
  });

  it('unknown ids → authorization (403 on the Web API); an unknown action → validation (404)', async () => {
    expect((await owner.request('get_chat_threads', { chat_id: 'NOSUCHCHAT' })).payload.error.type).toBe('authorization');
    expect((await owner.request('get_chat_threads', { chat_id: chatId, thread_ids: ['NOSUCHTHREAD'] })).payload.error.type).toBe('authorization');
    const customer = await web(sandbox, 'update_customer', { customer_id: '3cd19fff-f852-4402-89ce-ebd03af3f15a', name: 'x' });
    expect([customer.status, customer.body.error.type]).toEqual([403, 'authorization']);
    const action = await web(sandbox, 'no_such_action', {});
    expect([action.status, action.body.error.type]).toEqual([404, 'validation']);
  });
});
