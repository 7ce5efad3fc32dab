// The test-only control surface: off by default; when on it lists connections, drops them,
// delays frames and duplicates or reorders pushes for every transport alike.
import { afterEach, describe, expect, it } from 'vitest';
import { setAgentPresence } from '../../demo/sandbox/routing';
import { startSandbox } from '../../demo/sandbox/server';
import type { Sandbox } from '../../demo/sandbox/server';
import { LICENSE, connectCustomer, loginCustomer, startTestSandbox } from './helpers';
import type { TestClient } from './helpers';

let sandbox: Sandbox;
afterEach(() => sandbox.close());

async function withChat(): Promise<{ client: TestClient; customerId: string; chatId: string }> {
  sandbox = await startTestSandbox();
  setAgentPresence(sandbox.core, LICENSE, 'agent@chatlet.test', { sessionDelta: 1 });
  const { client, customerId } = await loginCustomer(sandbox);
  const chatId = (await client.request('start_chat', {})).payload.chat.id;
  return { client, customerId, chatId };
}

describe('control surface', () => {
  it('is off unless enabled', async () => {
    sandbox = await startSandbox({ port: 0 });
    expect(sandbox.control).toBeUndefined();
  });

  it('lists connections with their kind and user', async () => {
    const { customerId } = await withChat();
    await connectCustomer(sandbox);
    const list = sandbox.control?.connections() ?? [];
    expect(list.map((c) => [c.kind, c.licenseId, c.userId])).toEqual([
      ['customer', LICENSE, customerId],
      ['customer', LICENSE, undefined],
    ]);
  });

  it('drops matching connections abruptly or with a close code, leaving the others', async () => {
    const { client, customerId } = await withChat();
    const other = await connectCustomer(sandbox);
    expect(sandbox.control?.drop((c) => c.userId === customerId)).toBe(1);
    expect((await client.closed).code).toBe(1006);
    expect((await other.request('ping')).success).toBe(true);
    sandbox.control?.drop(() => true, { code: 4000, reason: 'test' });
    expect(await other.closed).toEqual({ code: 4000, reason: 'test' });
  });

  it('delays outgoing frames, keeping their order', async () => {
    const { client } = await withChat();
    sandbox.control?.delay(150);
    const sent = Date.now();
    const [first, second] = await Promise.all([client.request('ping'), client.request('get_chats_summary')]);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(140);
    expect(client.frames.indexOf(first)).toBeLessThan(client.frames.indexOf(second));
    sandbox.control?.delay(0);
  });

  it('duplicates pushes but not responses', async () => {
    const { client, chatId } = await withChat();
    sandbox.control?.duplicatePushes(2);
    const res = await client.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'twice' } });
    await client.next('incoming_event');
    await client.next('incoming_event');
    expect(client.frames.filter((f) => f.request_id === res.request_id && f.type === 'response')).toHaveLength(1);
  });

  it('reorders pushes queued together', async () => {
    const { client, chatId } = await withChat();
    sandbox.control?.reorderPushes(true);
    await client.request('close_thread', { chat_id: chatId });
    await client.next('incoming_event');
    const order = client.frames.filter((f) => f.type === 'push' && f.action !== 'customer_side_storage_updated').map((f) => f.action);
    expect(order.slice(-2)).toEqual(['thread_closed', 'incoming_event']);
    sandbox.control?.reset();
  });
});
