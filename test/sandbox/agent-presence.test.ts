// Agent presence drives routing: logging in over RTM makes the agent's groups online (customers
// hear it as the lc2 groups_update multicast), chats wait in the queue while nobody accepts
// them and are routed when an agent becomes available; away agents and closed sockets take
// chats no more. Bots are agents too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT, AGENT_TOKEN, BOT, BOT_TOKEN, loginAgent } from './agent-helpers';
import { connect, LICENSE, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let customer: TestClient;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  ({ client: customer } = await loginCustomer(sandbox));
});
afterEach(() => sandbox.close());

const groupStatus = (f: Frame, id: number): string | undefined =>
  (f.payload.content.groups as Array<{ id: number; status: string }>).find((g) => g.id === id)?.status;

const groupsUpdate = (status: string) => (f: Frame) =>
  f.type === 'push' && f.action === 'incoming_multicast' && f.payload.content?.name === 'groups_update' && groupStatus(f, 0) === status;

/** Starts a continuous chat (allowed while the group is offline) and returns its id. */
async function queuedChat(): Promise<string> {
  const res = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'anyone?' }] } }, continuous: true });
  expect(res.success, JSON.stringify(res.payload)).toBe(true);
  expect(res.payload.chat.users.map((u: Frame) => u.type)).toEqual(['customer']);
  return res.payload.chat.id;
}

describe('agent presence', () => {
  it('login brings group 0 online for customers; closing the socket takes it offline', async () => {
    expect((await customer.request('get_groups_status', { all: true })).payload.groups_status).toEqual({ 0: 'offline', 1: 'offline' });
    const { client: agent } = await loginAgent(sandbox);
    await customer.next(groupsUpdate('online'));
    expect((await customer.request('get_groups_status', { all: true })).payload.groups_status).toEqual({ 0: 'online', 1: 'offline' });
    await agent.close();
    await customer.next(groupsUpdate('offline'));
  });

  it('a chat waits in the queue and is routed to the agent that logs in', async () => {
    const chatId = await queuedChat();
    const { client: agent } = await loginAgent(sandbox);
    const incoming = await agent.next('incoming_chat_thread');
    expect(incoming.payload.chat.id).toBe(chatId);
    expect(incoming.payload.chat.thread.events[0].text).toBe('anyone?');
    const added = await customer.next('chat_user_added');
    expect(added.payload).toMatchObject({ chat_id: chatId, user_type: 'agent', user: { id: AGENT, type: 'agent' } });
  });

  it('away agents take no chats; coming back drains the queue', async () => {
    const { client: agent } = await loginAgent(sandbox);
    await agent.request('set_away_status', { away: true });
    expect((await agent.next('agent_updated')).payload).toEqual({ agent_id: AGENT, routing_status: 'not_accepting_chats' });
    await customer.next(groupsUpdate('offline'));
    const chatId = await queuedChat();
    expect(agent.pushes('incoming_chat_thread')).toEqual([]);
    await agent.request('set_away_status', { away: false });
    expect((await agent.next('incoming_chat_thread')).payload.chat.id).toBe(chatId);
  });

  it('update_agent routing_status works like the away status', async () => {
    const { client: agent } = await loginAgent(sandbox);
    await agent.request('update_agent', { routing_status: 'not_accepting_chats' });
    await customer.next(groupsUpdate('offline'));
    const chatId = await queuedChat();
    await agent.request('update_agent', { routing_status: 'accepting_chats' });
    expect((await agent.next('incoming_chat_thread')).payload.chat.id).toBe(chatId);
  });

  it('the bot accepts chats like any agent, and the least busy agent gets the next chat', async () => {
    const { client: bot } = await loginAgent(sandbox, BOT_TOKEN);
    const first = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi bot' }] } } });
    expect((await bot.next('incoming_chat_thread')).payload.chat.id).toBe(first.payload.chat.id);
    expect(first.payload.chat.users.find((u: Frame) => u.type === 'agent')).toMatchObject({ id: BOT, is_bot: true });
    const { client: agent } = await loginAgent(sandbox, AGENT_TOKEN);
    const { client: other } = await loginCustomer(sandbox);
    const second = await other.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hi human' }] } } });
    expect((await agent.next('incoming_chat_thread')).payload.chat.id).toBe(second.payload.chat.id);
  });

  it('an agent logged in twice stays present until its last socket closes', async () => {
    const { client: a } = await loginAgent(sandbox);
    const { client: b } = await loginAgent(sandbox);
    await a.close();
    expect((await customer.request('get_groups_status', { groups: [0] })).payload.groups_status).toEqual({ 0: 'online' });
    await b.close();
    await customer.next(groupsUpdate('offline'));
    expect(sandbox.store.licenses.get(LICENSE)?.agents.get(AGENT)?.sessions).toBe(0);
  });

  it('Web API calls do not make an agent present', async () => {
    const res = await fetch(`${sandbox.url}/v3.0/agent/action/get_chats_summary`, { method: 'POST', headers: { Authorization: `Bearer ${AGENT_TOKEN}` }, body: '{}' });
    expect(res.status).toBe(200);
    expect((await customer.request('get_groups_status', { groups: [0] })).payload.groups_status).toEqual({ 0: 'offline' });
  });
});

describe('agent connection rules', () => {
  it('closes a socket that does not log in within the login deadline, with agent_disconnected', async () => {
    await sandbox.close();
    sandbox = await startTestSandbox({ timers: { loginMs: 100 } });
    const client = await connect(`${sandbox.wsUrl}/v3.0/agent/rtm/ws`);
    expect((await client.next('agent_disconnected', 1_000)).payload).toEqual({ reason: 'ping_timeout' });
    await client.closed;
  });

  it('closes a logged-in socket silent for longer than the ping deadline; pings keep it open', async () => {
    await sandbox.close();
    sandbox = await startTestSandbox({ timers: { agentPingMs: 150 } });
    const { client: pinging } = await loginAgent(sandbox);
    const { client: silent } = await loginAgent(sandbox);
    const timer = setInterval(() => pinging.send({ action: 'ping', payload: {} }), 50);
    try {
      expect((await silent.next('agent_disconnected', 1_000)).payload.reason).toBe('ping_timeout');
      await silent.closed;
      expect((await pinging.request('ping', {})).success).toBe(true);
      expect(pinging.pushes('agent_disconnected')).toEqual([]);
    } finally {
      clearInterval(timer);
    }
    await vi.waitFor(() => expect(sandbox.store.licenses.get(LICENSE)?.agents.get(AGENT)?.sessions).toBe(1));
  });
});
