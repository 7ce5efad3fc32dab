// A customer and an agent over real sockets: what the customer does reaches the agent
// (events, sneak peeks, postbacks) and a whole conversation runs from prechat form to rating.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { connect, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

const AGENT = 'agent@chatlet.test';
let sandbox: Sandbox;
let agent: TestClient;
let customer: TestClient;
let customerId: string;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  agent = await connect(`${sandbox.wsUrl}/v3.0/agent/rtm/ws`);
  expect((await agent.request('login', { token: 'Bearer demo-agent-token' })).success).toBe(true);
  ({ client: customer, customerId } = await loginCustomer(sandbox, { customer: { name: 'Ann' } }));
});
afterEach(() => sandbox.close());

const prechat: Frame = {
  type: 'filled_form',
  form_id: 'prechat-0',
  fields: [
    { id: 'name', type: 'name', label: 'Name:', answer: 'Ann' },
    { id: 'topic', type: 'radio', label: 'Topic:', answer: { id: 'tech', label: 'Technical' } },
    { id: 'interests', type: 'checkbox', label: 'Interested in:', answers: [{ id: 'api', label: 'The API' }] },
  ],
};

async function startChat(): Promise<{ chatId: string; threadId: string }> {
  const res = await customer.request('start_chat', {
    chat: { thread: { events: [prechat, { type: 'message', text: 'My widget is broken', custom_id: 'm1' }] } },
  });
  expect(res.success).toBe(true);
  return { chatId: res.payload.chat.id, threadId: res.payload.chat.thread.id };
}

describe('customer actions reach the chat’s agent', () => {
  it('routes a new chat to the logged-in agent with its initial events', async () => {
    const { chatId } = await startChat();
    const incoming = await agent.next('incoming_chat_thread');
    expect(incoming.payload.chat.id).toBe(chatId);
    expect(incoming.payload.chat.thread.events.map((e: Frame) => e.type)).toEqual(['filled_form', 'message']);
    expect(incoming.payload.chat.users.map((u: Frame) => u.id)).toEqual([customerId, AGENT]);
  });

  it('delivers the customer’s events, agent-only notes included, and sneak peeks', async () => {
    const { chatId, threadId } = await startChat();
    await customer.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'psst', recipients: 'agents' } });
    expect((await agent.next('incoming_event')).payload).toMatchObject({ chat_id: chatId, thread_id: threadId, event: { text: 'psst', author_id: customerId } });
    await customer.request('send_sneak_peek', { chat_id: chatId, sneak_peek_text: 'I am typ' });
    const peek = await agent.next('incoming_sneak_peek');
    expect(peek.payload).toMatchObject({ chat_id: chatId, sneak_peek: { author_id: customerId, text: 'I am typ', recipients: 'agents' } });
    expect(customer.pushes('incoming_sneak_peek')).toEqual([]);
    expect(customer.pushes('incoming_event')).toEqual([]);
  });
});

describe('every push a customer method triggers reaches the agent too', () => {
  const props = { ns: { k: 'v' } };
  const names = { ns: ['k'] };
  /** [method, payload (CHAT/THREAD/EVENT stand for the chat's ids), pushes the agent must get] */
  const cases: Array<[string, Frame, string[]]> = [
    ['send_event', { chat_id: 'CHAT', event: { type: 'message', text: 'hi' } }, ['incoming_event']],
    ['close_thread', { chat_id: 'CHAT' }, ['incoming_event', 'thread_closed']],
    ['update_chat_properties', { chat_id: 'CHAT', properties: props }, ['chat_properties_updated']],
    ['delete_chat_properties', { chat_id: 'CHAT', properties: names }, ['chat_properties_deleted']],
    ['update_chat_thread_properties', { chat_id: 'CHAT', thread_id: 'THREAD', properties: props }, ['chat_thread_properties_updated']],
    ['delete_chat_thread_properties', { chat_id: 'CHAT', thread_id: 'THREAD', properties: names }, ['chat_thread_properties_deleted']],
    ['update_event_properties', { chat_id: 'CHAT', thread_id: 'THREAD', event_id: 'EVENT', properties: props }, ['event_properties_updated']],
    ['delete_event_properties', { chat_id: 'CHAT', thread_id: 'THREAD', event_id: 'EVENT', properties: names }, ['event_properties_deleted']],
    ['update_customer', { name: 'Ann B.' }, ['customer_updated']],
    ['set_customer_fields', { fields: { plan: 'pro' } }, ['customer_updated']],
    ['update_customer_page', { url: 'https://chatlet.test/pricing', title: 'Pricing' }, ['customer_page_updated']],
    ['update_last_seen_timestamp', { chat_id: 'CHAT' }, ['last_seen_timestamp_updated']],
    // Agents speak v3.0: a customer's released-style receipt reaches them as seed 002's push.
    ['mark_events_as_seen', { chat_id: 'CHAT', seen_up_to: '2030-01-01T00:00:00.000000Z' }, ['last_seen_timestamp_updated']],
  ];

  it.each(cases)('%s → %j', async (method, payload, pushes) => {
    const { chatId, threadId } = await startChat();
    const incoming = await agent.next('incoming_chat_thread');
    const eventId = incoming.payload.chat.thread.events[1].id as string;
    const filled = JSON.stringify(payload).replaceAll('CHAT', chatId).replaceAll('THREAD', threadId).replaceAll('EVENT', eventId);
    expect((await customer.request(method, JSON.parse(filled))).success).toBe(true);
    for (const action of pushes) expect((await agent.next(action)).request_id).toBeUndefined();
  });

  it('activate_chat → incoming_chat_thread for the routed agent', async () => {
    const { chatId } = await startChat();
    await customer.request('close_thread', { chat_id: chatId });
    await agent.next('incoming_chat_thread');
    await customer.request('activate_chat', { chat: { id: chatId } });
    expect((await agent.next('incoming_chat_thread')).payload.chat.id).toBe(chatId);
  });
});

describe('a whole conversation', () => {
  it('prechat → message → typing → rich message → postback → close → rating', async () => {
    const { chatId, threadId } = await startChat();
    await agent.next('incoming_chat_thread');

    await agent.request('send_typing_indicator', { chat_id: chatId, is_typing: true });
    const typing = await customer.next('incoming_typing_indicator');
    expect(typing.payload).toMatchObject({ chat_id: chatId, typing_indicator: { author_id: AGENT, is_typing: true } });

    const card = {
      type: 'rich_message',
      template_id: 'quick_replies',
      elements: [{ title: 'Did restarting help?', buttons: [{ text: 'Yes', postback_id: 'yes', user_ids: [], type: 'message', value: 'yes' }] }],
    };
    const sent = await agent.request('send_event', { chat_id: chatId, event: card });
    expect(sent.success, JSON.stringify(sent.payload)).toBe(true);
    const rich = await customer.next('incoming_event');
    expect(rich.payload.event).toMatchObject({ type: 'rich_message', author_id: AGENT });

    await customer.request('send_rich_message_postback', {
      chat_id: chatId,
      thread_id: threadId,
      event_id: rich.payload.event.id,
      postback: { id: 'yes', toggled: true },
    });
    const postback = await agent.next('incoming_rich_message_postback');
    expect(postback.payload).toMatchObject({ user_id: customerId, event_id: rich.payload.event.id, postback: { id: 'yes', toggled: true } });
    await customer.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Yes', custom_id: 'm2' } });
    expect((await agent.next((f) => f.action === 'incoming_event' && f.payload.event.text === 'Yes')).payload.event.author_id).toBe(customerId);

    await agent.request('close_thread', { chat_id: chatId });
    const closed = await customer.next('thread_closed');
    expect(closed.payload).toMatchObject({ chat_id: chatId, thread_id: threadId, user_id: AGENT });
    const system = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'system_message');
    expect(system.payload.thread_id).toBe(threadId);

    const rating = { rating: { score: 1, comment: 'Quick and kind' } };
    expect((await customer.request('update_chat_thread_properties', { chat_id: chatId, thread_id: threadId, properties: rating })).success).toBe(true);
    const rated = await agent.next('chat_thread_properties_updated');
    expect(rated.payload).toEqual({
      chat_id: chatId,
      thread_id: threadId,
      properties: { rating: { score: { value: 1 }, comment: { value: 'Quick and kind' } } },
    });

    const history = (await customer.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] })).payload.chat.threads[0];
    expect(history.active).toBe(false);
    expect(history.properties.rating.score.value).toBe(1);
    expect(history.events.find((e: Frame) => e.type === 'rich_message').elements[0].buttons[0].user_ids).toEqual([customerId]);
  });
});
