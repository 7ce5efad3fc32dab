// Connection rules of the customer RTM: license check, login first and within the deadline,
// ping deadline, token checks, side storage, availability pushes and the queue.
import { afterEach, describe, expect, it } from 'vitest';
import { pushSideStorage } from '../../demo/sandbox/customer-login';
import { loadFixtures } from '../../demo/sandbox/fixtures';
import { setAgentPresence } from '../../demo/sandbox/routing';
import type { Sandbox, SandboxOptions } from '../../demo/sandbox/server';
import { LICENSE, connect, connectCustomer, loginCustomer, startTestSandbox } from './helpers';

let sandbox: Sandbox;
const start = async (options: SandboxOptions = {}): Promise<Sandbox> => (sandbox = await startTestSandbox(options));
afterEach(() => sandbox.close());

const AGENT = 'agent@chatlet.test';

describe('license', () => {
  it('refuses an upgrade without license_id with HTTP 400', async () => {
    await start();
    await expect(connect(`${sandbox.wsUrl}/v3.1/customer/rtm/ws`)).rejects.toThrow(/400/);
    await expect(connect(`${sandbox.wsUrl}/v3.1/customer/rtm/ws?license_id=abc`)).rejects.toThrow(/400/);
  });

  it('disconnects an unknown license with reason license_not_found', async () => {
    await start();
    const c = await connectCustomer(sandbox, 999);
    expect((await c.next('customer_disconnected')).payload).toEqual({ reason: 'license_not_found' });
    await c.closed;
  });

  it('answers 404 on unknown WebSocket paths', async () => {
    await start();
    await expect(connect(`${sandbox.wsUrl}/v3.1/nothing`)).rejects.toThrow(/404/);
  });
});

describe('login', () => {
  it('must come first: other requests get authentication, login still works after', async () => {
    await start();
    const c = await connectCustomer(sandbox);
    const early = await c.request('get_chats_summary', {});
    expect(early.success).toBe(false);
    expect(early.payload.error.type).toBe('authentication');
    const token = sandbox.issueCustomerToken();
    expect((await c.request('login', { token: `Bearer ${token.access_token}` })).success).toBe(true);
    expect((await c.request('get_chats_summary', {})).success).toBe(true);
  });

  it('closes with connection_timeout when no login arrives within loginMs', async () => {
    await start({ timers: { loginMs: 150 } });
    const c = await connectCustomer(sandbox);
    expect((await c.next('customer_disconnected', 1_000)).payload).toEqual({ reason: 'connection_timeout' });
    await c.closed;
  });

  it('is allowed once per connection', async () => {
    await start();
    const { client } = await loginCustomer(sandbox);
    const again = await client.request('login', { token: `Bearer ${sandbox.issueCustomerToken().access_token}` });
    expect(again.payload.error.type).toBe('validation');
  });

  it('refuses a missing token with validation and a wrong, expired or foreign token with authentication', async () => {
    let clock = 1_000_000;
    const fixtures = loadFixtures();
    fixtures.licenses.push({ ...structuredClone(fixtures.licenses[0]!), id: 777, agents: [] });
    await start({ fixtures, now: () => clock, tokenTtlSec: 60 });
    const c = await connectCustomer(sandbox);
    expect((await c.request('login', {})).payload.error.type).toBe('validation');
    expect((await c.request('login', { token: 42 })).payload.error.type).toBe('validation');
    expect((await c.request('login', { token: 'Bearer dal:nope' })).payload.error.type).toBe('authentication');
    const token = sandbox.issueCustomerToken(LICENSE).access_token;
    expect((await c.request('login', { token })).payload.error.type).toBe('authentication');
    const foreign = sandbox.issueCustomerToken(777).access_token;
    expect((await c.request('login', { token: `Bearer ${foreign}` })).payload.error.type).toBe('authentication');
    clock += 61_000;
    const expired = await c.request('login', { token: `Bearer ${token}` });
    expect(expired.payload.error).toMatchObject({ type: 'authentication', message: 'access token expired' });
  });
});

describe('ping', () => {
  it('answers ping with a ping response carrying the request_id', async () => {
    await start();
    const { client } = await loginCustomer(sandbox);
    const pong = await client.request('ping', {});
    expect(pong).toMatchObject({ action: 'ping', type: 'response', success: true });
  });

  it('disconnects a silent customer with connection_timeout, keeps a pinging one', async () => {
    await start({ timers: { pingMs: 200 } });
    const silent = await loginCustomer(sandbox);
    const pinging = await loginCustomer(sandbox);
    const timer = setInterval(() => pinging.client.send({ action: 'ping', payload: {} }), 60);
    try {
      expect((await silent.client.next('customer_disconnected', 1_000)).payload).toEqual({ reason: 'connection_timeout' });
      await silent.client.closed;
      await new Promise((r) => setTimeout(r, 300));
      expect(pinging.client.ws.readyState).toBe(pinging.client.ws.OPEN);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('customer_side_storage', () => {
  /** The default fixture's side storage every new customer starts with (non-string values on purpose). */
  const FIXTURE = loadFixtures().licenses[0]!.side_storage;

  it('counts visits and keeps what the customer sent back', async () => {
    await start();
    const first = await loginCustomer(sandbox, { customer_side_storage: { theme: 'dark', customer_visits: '4' } });
    const pushed = await first.client.next('customer_side_storage_updated');
    expect(pushed.payload.customer_side_storage).toEqual({ ...FIXTURE, theme: 'dark', customer_visits: '5' });
    const second = await loginCustomer(sandbox, {}, first.customerId);
    expect((await second.client.next('customer_side_storage_updated')).payload.customer_side_storage).toEqual({
      ...FIXTURE,
      theme: 'dark',
      customer_visits: '6',
    });
  });

  it('keeps any JSON object unchanged (numbers, arrays, nested objects) and pushes it back', async () => {
    await start();
    const sent = { visits: 2, tags: ['vip'], flags: { a: true, nested: { n: null } }, customer_visits: 7 };
    const { client } = await loginCustomer(sandbox, { customer_side_storage: sent });
    const pushed = (await client.next('customer_side_storage_updated')).payload.customer_side_storage;
    // The visit counter a client sent back as a number still counts, and comes back as the seed's string.
    expect(pushed).toEqual({ ...FIXTURE, ...sent, customer_visits: '8' });
  });

  it('pushes non-string values of the fixture and of pushSideStorage, and takes them back at the next login', async () => {
    const fixtures = loadFixtures();
    fixtures.licenses[0]!.side_storage = { counter: 1, list: [1, 'two'], deep: { x: { y: false } } };
    await start({ fixtures });
    const first = await loginCustomer(sandbox);
    expect((await first.client.next('customer_side_storage_updated')).payload.customer_side_storage).toEqual({
      counter: 1,
      list: [1, 'two'],
      deep: { x: { y: false } },
      customer_visits: '1',
    });
    pushSideStorage(sandbox.core, first.customerId, { counter: 2, when: { at: [2019, 9, 17] } });
    const replaced = await first.client.next('customer_side_storage_updated');
    expect(replaced.payload.customer_side_storage).toEqual({ counter: 2, when: { at: [2019, 9, 17] } });
    const again = await loginCustomer(sandbox, { customer_side_storage: replaced.payload.customer_side_storage }, first.customerId);
    expect((await again.client.next('customer_side_storage_updated')).payload.customer_side_storage).toEqual({
      counter: 2,
      when: { at: [2019, 9, 17] },
      customer_visits: '2',
    });
  });

  it.each([
    ['a string', 'x'],
    ['an array', [{ a: 1 }]],
    ['a number', 3],
    ['true', true],
  ])('refuses customer_side_storage that is %s with validation', async (_name, value) => {
    await start();
    const token = sandbox.issueCustomerToken(LICENSE);
    const c = await connectCustomer(sandbox);
    const res = await c.request('login', { token: `Bearer ${token.access_token}`, customer_side_storage: value });
    expect(res.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('customer_side_storage') });
  });

  it('takes customer_side_storage: null (a first visit of LiveChat\'s SDK) as nothing stored', async () => {
    await start();
    const { client } = await loginCustomer(sandbox, { customer: {}, customer_side_storage: null });
    expect((await client.next('customer_side_storage_updated')).payload.customer_side_storage).toEqual({ ...FIXTURE, customer_visits: '1' });
  });
});

describe('availability', () => {
  it('reports online groups at login and pushes groups_update when an agent comes and goes', async () => {
    await start();
    const { client, login } = await loginCustomer(sandbox);
    expect(login.payload.__priv_dynamic_config.online_groups_ids).toEqual([]);
    expect((await client.request('get_predicted_agent', {})).payload.error.type).toBe('group_offline');
    setAgentPresence(sandbox.core, LICENSE, AGENT, { sessionDelta: 1 });
    const online = await client.next('incoming_multicast');
    expect(online.payload).toEqual({
      type: 'lc2',
      content: { name: 'groups_update', groups: [{ id: 0, status: 'online' }, { id: 1, status: 'offline' }] },
    });
    expect((await client.request('get_predicted_agent', {})).payload.agent.id).toBe(AGENT);
    setAgentPresence(sandbox.core, LICENSE, AGENT, { sessionDelta: -1 });
    expect((await client.next('incoming_multicast')).payload.content.groups[0]).toEqual({ id: 0, status: 'offline' });
  });

  it('refuses start_chat in an offline group unless continuous, then routes the queued chat when an agent arrives', async () => {
    await start();
    const { client } = await loginCustomer(sandbox);
    expect((await client.request('start_chat', {})).payload.error.type).toBe('groups_offline');
    const started = await client.request('start_chat', { continuous: true, chat: { thread: { events: [{ type: 'message', text: 'anyone?' }] } } });
    expect(started.success).toBe(true);
    expect(started.payload.chat.users.map((u: { type: string }) => u.type)).toEqual(['customer']);
    setAgentPresence(sandbox.core, LICENSE, AGENT, { sessionDelta: 1 });
    const added = await client.next('chat_user_added');
    expect(added.payload).toMatchObject({ chat_id: started.payload.chat.id, user_type: 'agent', user: { id: AGENT, type: 'agent' } });
  });

  it('refuses unknown groups with group_not_found', async () => {
    await start();
    const { client } = await loginCustomer(sandbox);
    const res = await client.request('start_chat', { continuous: true, chat: { access: { group_ids: [42] } } });
    expect(res.payload.error.type).toBe('group_not_found');
  });
});
