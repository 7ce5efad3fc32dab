// The demo bot against an in-process sandbox: a customer speaking customer RTM v3.1 over a raw
// socket, the bot speaking agent RTM v3.0 as `bot@chatlet.test`, and (for the takeover cases) a
// human agent on its own raw socket.
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../demo/bot/bot';
import type { Bot, BotOptions } from '../../demo/bot/bot';
import { fileThanks, MENU } from '../../demo/bot/reply';
import type { Sandbox } from '../../demo/sandbox/server';
import { fileForm, uploadFile } from './file-helpers';
import { connect, LICENSE, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

const BOT = 'bot@chatlet.test';
const HUMAN = 'agent@chatlet.test';

let sandbox: Sandbox;
const open: Array<{ close(): unknown }> = [];

afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  await sandbox?.close();
});

async function setup(options: Partial<BotOptions> = {}): Promise<Bot> {
  sandbox = await startTestSandbox();
  const bot = startBot({ url: sandbox.wsUrl, token: 'demo-bot-token', takeoverMs: null, pollMs: 40, typingMs: () => 30, log: () => undefined, ...options });
  open.push(bot);
  await bot.ready;
  return bot;
}

async function humanAgent(): Promise<TestClient> {
  const agent = await connect(`${sandbox.wsUrl}/v3.0/agent/rtm/ws`);
  open.push(agent);
  const login = await agent.request('login', { token: 'Bearer demo-agent-token' });
  expect(login.success).toBe(true);
  return agent;
}

const prechat = (name: string) => ({
  type: 'filled_form',
  form_id: 'prechat-0',
  fields: [
    { id: 'name', type: 'name', label: 'Name:', answer: name },
    { id: 'topic', type: 'radio', label: 'Topic:', answer: { id: 'tech', label: 'Technical' } },
  ],
});

/** A logged-in customer that started a chat with a filled prechat form. */
async function customerWithChat(name = 'Ann Lee'): Promise<{ client: TestClient; chatId: string; threadId: string; customerId: string }> {
  const { client, customerId } = await loginCustomer(sandbox);
  open.push(client);
  const started = await client.request('start_chat', { chat: { thread: { events: [prechat(name)] } } });
  expect(started.success).toBe(true);
  const chat = started.payload.chat ?? started.payload;
  return { client, customerId, chatId: chat.id ?? chat.chat_id, threadId: chat.thread?.id ?? chat.thread_id };
}

const fromBot = (type: string) => (f: Frame) => f.type === 'push' && f.action === 'incoming_event' && f.payload.event.author_id === BOT && f.payload.event.type === type;

async function say(client: TestClient, chatId: string, text: string): Promise<void> {
  const sent = await client.request('send_event', { chat_id: chatId, event: { type: 'message', text } });
  expect(sent.success).toBe(true);
}

describe('demo bot', () => {
  it('greets the customer by the prechat name, with its typing indicator first', async () => {
    await setup();
    const { client } = await customerWithChat('Ann Lee');
    const greeting = await client.next(fromBot('message'));
    expect(greeting.payload.event.text).toMatch(/^Hi Ann! /);
    expect(greeting.payload.event.text).toContain('"menu"');
    const typingAt = client.frames.findIndex(
      (f) => f.action === 'incoming_typing_indicator' && f.payload.typing_indicator.author_id === BOT && f.payload.typing_indicator.is_typing === true,
    );
    expect(typingAt).toBeGreaterThanOrEqual(0);
    expect(typingAt).toBeLessThan(client.frames.indexOf(greeting));
  });

  it('answers "menu" with a cards rich message and acknowledges a button once, by postback or posted label', async () => {
    await setup();
    const { client, chatId, threadId } = await customerWithChat();
    await client.next(fromBot('message'));
    await say(client, chatId, 'Menu');
    const menu = (await client.next(fromBot('rich_message'))).payload.event;
    expect(menu.template_id).toBe('cards');
    const buttons = menu.elements[0].buttons as Array<{ text: string; postback_id: string }>;
    expect(buttons.map((b) => b.postback_id)).toEqual(MENU.map((m) => m.id));

    const roast = buttons.find((b) => b.postback_id === 'menu_roast')!;
    const postback = await client.request('send_rich_message_postback', {
      chat_id: chatId,
      thread_id: threadId,
      event_id: menu.id,
      postback: { id: roast.postback_id, toggled: true },
    });
    expect(postback.success).toBe(true);
    const ack = await client.next(fromBot('message'));
    expect(ack.payload.event.text).toBe(`You picked "${roast.text}". ${MENU[1]!.answer}`);

    // The widget also posts a `message` button's label; that is the same click, not a new question.
    await say(client, chatId, roast.text);
    await say(client, chatId, 'thanks!');
    const next = await client.next(fromBot('message'));
    expect(next.payload.event.text).toMatch(/welcome/i);
  });

  it('answers other text helpfully and points to the menu when it does not know', async () => {
    await setup();
    const { client, chatId } = await customerWithChat();
    await client.next(fromBot('message'));
    await say(client, chatId, 'Do you ship to Europe? I need tracking');
    expect((await client.next(fromBot('message'))).payload.event.text).toMatch(/tracking link/);
    await say(client, chatId, 'What is the meaning of life?');
    expect((await client.next(fromBot('message'))).payload.event.text).toMatch(/Type "menu"/);
  });

  it('acknowledges a file the customer uploads and sends, naming it', async () => {
    await setup();
    const { client, chatId, customerId } = await customerWithChat();
    await client.next(fromBot('message'));
    const token = sandbox.issueCustomerToken(LICENSE, customerId).access_token;
    const uploaded = await uploadFile(sandbox, token, fileForm('<b>order 42</b>.pdf', 'application/pdf', '%PDF-1.4'));
    const sent = await client.request('send_event', { chat_id: chatId, event: { type: 'file', url: uploaded.body.url } });
    expect(sent.success).toBe(true);
    expect((await client.next(fromBot('message'))).payload.event.text).toBe(fileThanks('<b>order 42</b>.pdf'));
  });

  it('steps into a chat a human agent has left unanswered, and goes quiet once the human writes', async () => {
    await setup({ takeoverMs: 300 });
    const human = await humanAgent();
    const { client, chatId } = await customerWithChat('Bo');
    // Routing gives the chat to the human first (fixture order breaks the tie).
    const routed = await human.next('incoming_chat_thread');
    expect(routed.payload.chat.thread.user_ids).toContain(HUMAN);
    await say(client, chatId, 'Is the decaf good for espresso?');

    const added = await client.next((f) => f.action === 'chat_user_added' && f.payload.user.id === BOT, 3_000);
    expect(added.payload.user_type).toBe('agent');
    const greeting = await client.next(fromBot('message'));
    expect(greeting.payload.event.text).toMatch(/^Hi Bo! /);
    // The question that waited is answered right after the greeting.
    expect((await client.next(fromBot('message'))).payload.event.text).toMatch(/Decaf/);

    const sent = await human.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Hi Bo, Alex here. Let me help.' } });
    expect(sent.success).toBe(true);
    await client.next((f) => f.action === 'incoming_event' && f.payload.event.author_id === HUMAN);
    await say(client, chatId, 'menu');
    await new Promise((r) => setTimeout(r, 400));
    expect(client.frames.filter(fromBot('rich_message'))).toEqual([]);
  });

  it('leaves a chat alone while the human answers within the grace period', async () => {
    await setup({ takeoverMs: 300 });
    const human = await humanAgent();
    const { client, chatId } = await customerWithChat();
    await human.next('incoming_chat_thread');
    await human.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Hello! How can I help?' } });
    await say(client, chatId, 'Just browsing');
    await human.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Enjoy!' } });
    await new Promise((r) => setTimeout(r, 600));
    expect(client.pushes('chat_user_added').filter((f) => f.payload.user.id === BOT)).toEqual([]);
  });

  it('reconnects after the connection drops and keeps answering its chats', async () => {
    const bot = await setup();
    const { client, chatId } = await customerWithChat();
    await client.next(fromBot('message'));
    const logins: unknown[] = [];
    bot.client.onLogin((p) => logins.push(p));
    expect(sandbox.control!.drop((c) => c.kind === 'agent')).toBe(1);
    await expect.poll(() => logins.length, { timeout: 3_000 }).toBe(1);
    await say(client, chatId, 'menu');
    expect((await client.next(fromBot('rich_message'))).payload.event.template_id).toBe('cards');
  });
});
