// What an audit of the sandbox against the seeds found too lenient or off the contract (issue 16):
// each item below is one seed rule the sandbox now keeps.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxOptions } from '../../demo/sandbox/server';
import { AGENT, BOT, chatWithAgent, loginAgent, web } from './agent-helpers';
import { loginCustomer, startTestSandbox } from './helpers';
import type { Frame } from './helpers';

let sandbox: Sandbox;
const start = async (options: SandboxOptions = {}): Promise<Sandbox> => (sandbox = await startTestSandbox(options));
afterEach(() => sandbox?.close());

describe("a customer's system_message", () => {
  it('is refused by send_event (seed 002: "It cannot be sent by a user")', async () => {
    await start();
    const { customer, chatId, agent } = await chatWithAgent(sandbox);
    const res = await customer.request('send_event', { chat_id: chatId, event: { type: 'system_message', text: 'I am the system' } });
    expect(res.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('system_message') });
    await expect(agent.next((f) => f.action === 'incoming_event' && f.payload.event.text === 'I am the system', 200)).rejects.toThrow();
  });

  it("is still taken among start_chat's initial events, as seed 003's own sample sends one", async () => {
    await start();
    await loginAgent(sandbox);
    const { client } = await loginCustomer(sandbox);
    const events = [{ type: 'message', text: 'hello there' }, { type: 'system_message', text: 'hello there' }];
    expect((await client.request('start_chat', { chat: { thread: { events } } })).success).toBe(true);
  });
});

describe('one shape each', () => {
  it('get_predicted_agent answers the seed\'s `{agent}` in the draft dialect, nothing flat beside it', async () => {
    await start();
    await loginAgent(sandbox);
    const { client } = await loginCustomer(sandbox);
    const res = await client.request('get_predicted_agent', {});
    expect(Object.keys(res.payload)).toEqual(['agent']);
    expect(res.payload.agent).toMatchObject({ id: AGENT, type: 'agent', is_bot: false, job_title: 'Support Agent' });
  });

  it('get_predicted_agent answers flat in the released dialect ([31]), no `agent` inside', async () => {
    await start({ dialect: 'released' });
    await loginAgent(sandbox);
    const { client } = await loginCustomer(sandbox);
    const res = await client.request('get_predicted_agent', { group_id: 0 });
    expect(res.payload).toEqual({ id: AGENT, name: 'Alex Agent', avatar: expect.any(String), is_bot: false, job_title: 'Support Agent', type: 'agent' });
  });

  it.each(['draft', 'released'] as const)('customer_updated carries only `{customer}` to the customer and to agents (%s)', async (dialect) => {
    await start({ dialect });
    const { agent, customer, customerId } = await chatWithAgent(sandbox);
    await customer.request('update_customer', { name: 'Ann' });
    for (const client of [customer, agent]) {
      const push = await client.next('customer_updated');
      expect(Object.keys(push.payload)).toEqual(['customer']);
      expect(push.payload.customer).toMatchObject({ id: customerId, type: 'customer', name: 'Ann' });
    }
    await web(sandbox, 'update_customer', { customer_id: customerId, name: 'Bea' });
    for (const client of [customer, agent]) expect(Object.keys((await client.next('customer_updated')).payload)).toEqual(['customer']);
  });
});

describe('agent errors', () => {
  /** Seed 002 "Possible errors": the agent API's whole list. */
  const SEED_002 = ['internal', 'validation', 'authorization', 'authentication', 'request_timeout', 'license_expired', 'unsupported_version'];

  it("are thrown with seed 002's types only, in every agent module", () => {
    const dir = join(__dirname, '../../demo/sandbox');
    const thrown = readdirSync(dir)
      .filter((f) => f.startsWith('agent-'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/new ApiError\('([a-z_]+)'/g)].map((m) => `${f}: ${m[1]}`));
    expect(thrown.length).toBeGreaterThan(20);
    expect(thrown.filter((t) => !SEED_002.includes(t.split(': ')[1]!))).toEqual([]);
  });

  it('map what used to be not_found / agents_unavailable / group_not_found onto seed types', async () => {
    await start();
    const { agent, chatId } = await chatWithAgent(sandbox);
    const type = async (action: string, payload: Frame): Promise<string> => (await agent.request(action, payload)).payload.error?.type;
    expect(await type('get_chat_threads', { chat_id: 'NOSUCHCHAT' })).toBe('authorization');
    expect(await type('update_customer', { customer_id: '3cd19fff-f852-4402-89ce-ebd03af3f15a', name: 'x' })).toBe('authorization');
    expect(await type('transfer_chat', { chat_id: chatId, target: { type: 'agent', ids: ['nobody@chatlet.test'] } })).toBe('validation');
    expect(await type('transfer_chat', { chat_id: chatId, target: { type: 'group', ids: [99] } })).toBe('validation');
    // The bot is not logged in, so it cannot take the chat without force.
    expect(await type('transfer_chat', { chat_id: chatId, target: { type: 'agent', ids: [BOT] } })).toBe('validation');
    expect(await type('start_chat', { chat: { access: { group_ids: [99] } } })).toBe('validation');
    expect(await type('update_agent', { agent_id: 'nobody@chatlet.test', routing_status: 'accepting_chats' })).toBe('validation');
    expect(await type('remove_user_from_chat', { chat_id: chatId, user_id: BOT, user_type: 'agent' })).toBe('validation');
    expect(await type('grant_access', { resource: 'chat', id: chatId, access: { type: 'group', id: 99 } })).toBe('validation');
  });
});

describe('ping deadlines (seed 002: agents after about a minute; customers after 30 s)', () => {
  it('default to 60 s for agents and 30 s for customers', async () => {
    const { startSandbox } = await import('../../demo/sandbox/server');
    sandbox = await startSandbox({ port: 0 });
    expect(sandbox.core.timers).toMatchObject({ agentPingMs: 60_000, pingMs: 30_000, loginMs: 30_000 });
  });

  it('drop a silent agent at agentPingMs while a silent customer, on its own deadline, stays', async () => {
    await start({ timers: { agentPingMs: 150, pingMs: 5_000 } });
    const { client: agent } = await loginAgent(sandbox);
    const { client: customer } = await loginCustomer(sandbox);
    expect((await agent.next('agent_disconnected', 2_000)).payload).toEqual({ reason: 'ping_timeout' });
    await agent.closed;
    expect((await customer.request('ping')).success).toBe(true);
  });

  it('drop a silent customer at pingMs while a silent agent, on its own deadline, stays', async () => {
    await start({ timers: { agentPingMs: 5_000, pingMs: 150 } });
    const { client: agent } = await loginAgent(sandbox);
    const { client: customer } = await loginCustomer(sandbox);
    expect((await customer.next('customer_disconnected', 2_000)).payload).toEqual({ reason: 'connection_timeout' });
    await customer.closed;
    expect((await agent.request('ping')).success).toBe(true);
  });
});

describe("start_chat's chat.users from a customer", () => {
  it.each([
    ['another customer', (_me: string) => [{ id: '3cd19fff-f852-4402-89ce-ebd03af3f15a', type: 'customer' }]],
    ['an agent', (_me: string) => [{ id: AGENT, type: 'agent' }]],
    ['two users', (me: string) => [{ id: me, type: 'customer' }, { id: me, type: 'customer' }]],
    ['a string', (me: string) => [me]],
  ])('refuses %s with validation', async (_name, users) => {
    await start();
    await loginAgent(sandbox);
    const { client, customerId } = await loginCustomer(sandbox);
    const res = await client.request('start_chat', { chat: { users: users(customerId) } });
    expect(res.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('chat.users') });
    expect(sandbox.store.chats.size).toBe(0);
  });

  it('takes the customer itself (seed 003: "only one user is allowed (type customer)")', async () => {
    await start();
    await loginAgent(sandbox);
    const { client, customerId } = await loginCustomer(sandbox);
    expect((await client.request('start_chat', { chat: { users: [{ id: customerId, type: 'customer' }] } })).success).toBe(true);
  });
});

describe('get_archives', () => {
  it('lists one item per thread of every chat the agent can access, the active thread too (seed 000)', async () => {
    await start();
    const { agent, customer, chatId, threadId } = await chatWithAgent(sandbox);
    await customer.request('close_thread', { chat_id: chatId });
    await customer.request('activate_chat', { chat: { id: chatId, thread: { events: [{ type: 'message', text: 'again' }] } } });
    const second = await chatWithAgent(sandbox);
    const items = (await agent.request('get_archives', {})).payload.chats as Frame[];
    const pairs = items.map((i) => [i.chat.id, i.chat.thread.id, i.chat.thread.active]);
    expect(pairs).toHaveLength(3);
    expect(pairs).toContainEqual([chatId, threadId, false]);
    expect(pairs.filter(([id, , active]) => id === chatId && active === true)).toHaveLength(1);
    expect(pairs).toContainEqual([second.chatId, second.threadId, true]);
    expect((await web(sandbox, 'get_archives', { filters: { query: 'again' } })).body.chats).toHaveLength(1);
  });
});

describe('get_url_details', () => {
  it('answers a fixture URL with its fixture, any other valid URL with a generic preview, without the network', async () => {
    await start();
    const { client } = await loginCustomer(sandbox);
    const known = await client.request('get_url_details', { url: 'https://livechatinc.com' });
    expect(known.payload).toMatchObject({ url: 'https://livechatinc.com', title: expect.any(String), image_url: expect.any(String) });
    expect(known.payload.title).not.toBe('livechatinc.com');
    // `.invalid` never resolves: a sandbox that fetched would fail or hang here.
    const started = Date.now();
    const generic = await client.request('get_url_details', { url: 'https://shop.example.invalid/p/42?x=1' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(generic.payload).toEqual({
      title: 'shop.example.invalid',
      description: '',
      image_url: '',
      image_width: 0,
      image_height: 0,
      url: 'https://shop.example.invalid/p/42?x=1',
    });
    expect((await client.request('get_url_details', { url: 'not a url' })).payload.error.type).toBe('validation');
  });
});
