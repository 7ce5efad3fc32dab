// A customer and an agent hold a whole conversation through the sandbox, the agent using both
// of its transports (RTM socket and Web API): login → prechat form → start_chat with a
// filled_form and a message → the agent sees it → sneak peek and typing → rich message →
// postback → file → close → rating as a thread property → archives.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT, loginAgent, web } from './agent-helpers';
import { loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let agent: TestClient;
let customer: TestClient;
let customerId: string;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  ({ client: agent } = await loginAgent(sandbox));
  ({ client: customer, customerId } = await loginCustomer(sandbox, { customer: { name: 'Ann Lee' } }));
});
afterEach(() => sandbox.close());

/** The customer's answers to the prechat form, in the filled_form shape (protocol-notes §4). */
function answer(fields: Frame[]): Frame[] {
  const answers: Record<string, Frame> = {
    name: { answer: 'Ann Lee' },
    email: { answer: 'ann@example.com' },
    radio: { answer: { id: 'tech', label: 'Technical' } },
  };
  return fields.filter((f) => answers[f.type]).map((f) => ({ id: f.id, type: f.type, label: f.label, ...answers[f.type] }));
}

it('runs from prechat form to rating, with every step reaching the other side', async () => {
  // The group is online because the agent is logged in.
  const status = await customer.request('get_groups_status', { groups: [0] });
  expect(status.payload.groups_status).toEqual({ 0: 'online' });

  // Prechat form → start_chat with the filled form and a first message.
  const form = (await customer.request('get_form', { group_id: 0, type: 'prechat' })).payload.form;
  const filled = { type: 'filled_form', form_id: form.id, fields: answer(form.fields) };
  const started = await customer.request('start_chat', {
    chat: { thread: { events: [filled, { type: 'message', text: 'My order has not arrived', custom_id: 'm1' }] } },
  });
  expect(started.success, JSON.stringify(started.payload)).toBe(true);
  const chatId: string = started.payload.chat.id;
  const threadId: string = started.payload.chat.thread.id;
  expect(started.payload.chat.users.map((u: Frame) => u.id)).toEqual([customerId, AGENT]);

  // The agent sees the chat with both initial events.
  const incoming = await agent.next('incoming_chat_thread');
  expect(incoming.payload.chat.id).toBe(chatId);
  const [formEvent, firstMessage] = incoming.payload.chat.thread.events;
  expect(formEvent).toMatchObject({ type: 'filled_form', form_id: 'prechat-0', author_id: customerId });
  expect(formEvent.fields.map((f: Frame) => f.id)).toEqual(['name', 'email', 'topic']);
  expect(firstMessage).toMatchObject({ type: 'message', text: 'My order has not arrived', custom_id: 'm1' });

  // Sneak peek one way, typing the other.
  await customer.request('send_sneak_peek', { chat_id: chatId, sneak_peek_text: 'It was due on Mon' });
  expect((await agent.next('incoming_sneak_peek')).payload.sneak_peek).toMatchObject({ author_id: customerId, text: 'It was due on Mon' });
  await agent.request('send_typing_indicator', { chat_id: chatId, is_typing: true });
  expect((await customer.next('incoming_typing_indicator')).payload.typing_indicator).toMatchObject({ author_id: AGENT, is_typing: true });
  await agent.request('send_typing_indicator', { chat_id: chatId, is_typing: false });
  expect((await customer.next('incoming_typing_indicator')).payload.typing_indicator.is_typing).toBe(false);

  // A rich message through the Web API.
  const card = {
    type: 'rich_message',
    template_id: 'cards',
    elements: [
      {
        title: 'Track your parcel?',
        buttons: [
          { text: 'Yes please', postback_id: 'track_yes', user_ids: [], type: 'message', value: 'yes' },
          { text: 'No', postback_id: 'track_no', user_ids: [], type: 'message', value: 'no' },
        ],
      },
    ],
  };
  const sent = await web(sandbox, 'send_event', { chat_id: chatId, event: card });
  expect(sent.status).toBe(200);
  const rich = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'rich_message');
  expect(rich.payload).toMatchObject({ chat_id: chatId, thread_id: threadId, event: { id: sent.body.event.id, template_id: 'cards', author_id: AGENT } });

  // The customer clicks a button: postback plus the button's label as a message.
  await customer.request('send_rich_message_postback', {
    chat_id: chatId,
    thread_id: threadId,
    event_id: rich.payload.event.id,
    postback: { id: 'track_yes', toggled: true },
  });
  expect((await agent.next('incoming_rich_message_postback')).payload).toEqual({
    user_id: customerId,
    chat_id: chatId,
    thread_id: threadId,
    event_id: rich.payload.event.id,
    postback: { id: 'track_yes', toggled: true },
  });
  await customer.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Yes please', custom_id: 'm2' } });
  expect((await agent.next((f) => f.action === 'incoming_event' && f.payload.event.custom_id === 'm2')).payload.event.author_id).toBe(customerId);

  // A file through the Web API's multipart upload; the customer can download it.
  const upload = new FormData();
  upload.append('payload.chat_id', chatId);
  upload.append('payload.file', new Blob(['tracking: ZX-42'], { type: 'text/plain' }), 'tracking.txt');
  const file = await web(sandbox, 'send_file', upload);
  expect(file.status).toBe(200);
  const fileEvent = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'file');
  expect(fileEvent.payload.event).toMatchObject({ name: 'tracking.txt', url: file.body.url, size: 15 });
  expect(await (await fetch(fileEvent.payload.event.url)).text()).toBe('tracking: ZX-42');

  // The agent closes the thread: both sides get the system message and thread_closed.
  await agent.request('close_thread', { chat_id: chatId });
  for (const side of [customer, agent]) {
    const system = await side.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'system_message');
    expect(system.payload.thread_id).toBe(threadId);
    expect((await side.next('thread_closed')).payload).toEqual({ chat_id: chatId, thread_id: threadId, user_id: AGENT });
  }

  // Postchat rating as a thread property; the agent sees it wrapped.
  const postchat = (await customer.request('get_form', { group_id: 0, type: 'postchat' })).payload.form;
  expect(postchat.fields.some((f: Frame) => f.type === 'rating')).toBe(true);
  const rated = await customer.request('update_chat_thread_properties', {
    chat_id: chatId,
    thread_id: threadId,
    properties: { rating: { score: 1, comment: 'Found it, thanks!' } },
  });
  expect(rated.success).toBe(true);
  expect((await agent.next('chat_thread_properties_updated')).payload).toEqual({
    chat_id: chatId,
    thread_id: threadId,
    properties: { rating: { score: { value: 1 }, comment: { value: 'Found it, thanks!' } } },
  });

  // The archives find the rated thread; its history holds the whole conversation in order.
  await agent.request('tag_chat_thread', { chat_id: chatId, thread_id: threadId, tag: 'resolved' });
  const archives = await web(sandbox, 'get_archives', { filters: { properties: { rating: { score: { values: [1] } } } } });
  expect(archives.body.pagination).toEqual({ page: 1, total: 1 });
  const archived = archives.body.chats[0].chat.thread;
  expect(archived).toMatchObject({ id: threadId, active: false, tags: ['resolved'], properties: { rating: { score: { value: 1 } } } });
  const types = [...archived.events].sort((a: Frame, b: Frame) => a.order - b.order).map((e: Frame) => e.type);
  expect(types).toEqual(['filled_form', 'message', 'rich_message', 'message', 'file', 'system_message']);
  const history = (await customer.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] })).payload.chat.threads[0];
  expect(history.events.find((e: Frame) => e.type === 'rich_message').elements[0].buttons[0].user_ids).toEqual([customerId]);
});
