// The control hooks the fault suites rely on, checked on raw sockets: a drop right after the server
// did the work, a half-open link, and a restart that keeps the state.
import { afterEach, describe, expect, it } from 'vitest';
import { loginAgent } from '../sandbox/agent-helpers';
import { connectCustomer, LICENSE, loginCustomer, type TestClient } from '../sandbox/helpers';
import { agentReads, startSite, type Site } from './site';

let site: Site;
afterEach(() => site.close());

async function chatting(): Promise<{ client: TestClient; customerId: string; chatId: string }> {
  const { client, customerId } = await loginCustomer(site.sandbox);
  const started = await client.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hello' }] } } });
  return { client, customerId, chatId: started.payload.chat.id };
}

const send = (client: TestClient, chatId: string, text: string) =>
  client.send({ request_id: text, action: 'send_event', payload: { chat_id: chatId, event: { type: 'message', text } } });

describe('dropOnResponse', () => {
  it('stores the event, then drops the socket instead of answering; once only', async () => {
    site = await startSite();
    const { client, customerId, chatId } = await chatting();
    const other = await chatting();
    site.control.dropOnResponse('send_event');
    // Other answers pass: only the armed action's is taken.
    expect((await client.request('get_chats_summary')).success).toBe(true);
    send(client, chatId, 'stored');
    expect((await client.closed).code).toBe(1006);
    expect(client.frames.some((f) => f.request_id === 'stored')).toBe(false);
    expect(await agentReads(site.sandbox, customerId)).toEqual(['hello', 'stored']);
    // Disarmed: the next send_event is answered.
    expect((await other.client.request('send_event', { chat_id: other.chatId, event: { type: 'message', text: 'fine' } })).success).toBe(true);
  });

  it('takes several action names, drops the login answer after the login, and leaves agents alone by default', async () => {
    site = await startSite();
    site.control.dropOnResponse(['start_chat', 'login']);
    await loginAgent(site.sandbox);
    const token = site.sandbox.issueCustomerToken(LICENSE);
    const dropped = await connectCustomer(site.sandbox);
    dropped.send({ request_id: 'l1', action: 'login', payload: { token: `Bearer ${token.access_token}` } });
    expect((await dropped.closed).code).toBe(1006);
    expect(dropped.frames).toEqual([]);
    // The login happened: the customer exists now.
    expect(site.sandbox.store.customers.has(token.entity_id)).toBe(true);
    const { client } = await loginCustomer(site.sandbox);
    expect((await client.request('start_chat', {})).success).toBe(true);
  });
});

describe('halfOpen', () => {
  it('keeps the socket open and handling requests, but sends nothing more', async () => {
    site = await startSite();
    const { client, customerId, chatId } = await chatting();
    const bystander = await chatting();
    expect(site.control.halfOpen((c) => c.userId === customerId)).toBe(1);
    const before = client.frames.length;
    send(client, chatId, 'unanswered');
    await expect(client.next((f) => f.request_id === 'unanswered', 300)).rejects.toThrow();
    expect(client.frames).toHaveLength(before);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    expect(await agentReads(site.sandbox, customerId)).toEqual(['hello', 'unanswered']);
    expect((await bystander.client.request('ping')).success).toBe(true);
  });
});

describe('restart with the state kept', () => {
  it('serves the same port, tokens, customers and chats again', async () => {
    site = await startSite();
    const { client, customerId } = await chatting();
    const token = site.sandbox.issueCustomerToken(LICENSE, customerId);
    const { port } = site.sandbox;
    await site.restart();
    expect((await client.closed).code).toBe(1006);
    expect(site.sandbox.port).toBe(port);
    const again = await connectCustomer(site.sandbox);
    expect((await again.request('login', { token: `Bearer ${token.access_token}` })).payload.customer_id).toBe(customerId);
    const summary = await again.request('get_chats_summary');
    expect(summary.payload.chats_summary).toHaveLength(1);
    expect(await agentReads(site.sandbox, customerId)).toEqual(['hello']);
  });
});
