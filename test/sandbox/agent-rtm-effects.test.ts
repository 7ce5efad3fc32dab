// What agent RTM methods do beyond their answer's shape: logout closing sockets, typing and
// rich messages reaching the customer, archives, follow/unfollow, transfers, bans, customer
// paging, property filters and thread paging — all over real sockets.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT, agentScene, loginAgent, RICH, SALES, SALES_TOKEN, withSalesAgent } from './agent-helpers';
import type { SceneIds } from './agent-helpers';
import { startTestSandbox } from './helpers';
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
      await agent.request('send_event', { chat_id: ids.chatId, event: { ...RICH, template_id: template } });
      const pushed = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.template_id === template);
      expect(pushed.payload.event).toMatchObject({ type: 'rich_message', author_id: AGENT, elements: RICH.elements });
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
    const { client: sales } = await loginAgent(sandbox, SALES_TOKEN);
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
    expect(res.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('force') });
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

  it('get_filtered_chats (seed 002) answers login-style summaries, leaving out active chats on request', async () => {
    const all = await agent.request('get_filtered_chats', {});
    expect(all.payload.chats_summary.map((c: Frame) => c.id)).toEqual([ids.chatId]);
    expect(all.payload.chats_summary[0].last_event_per_type.rich_message.event.id).toBe(ids.richId);
    const inactive = await agent.request('get_filtered_chats', { filters: { include_active: false } });
    expect(inactive.payload.chats_summary).toEqual([]);
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
