// The demo bot's pure parts: what it says (reply.ts), whom it greets (customer-name.ts) and
// which chats it steps into (waiting-chats.ts). The bot is an agent-API client, so its tests
// live with the agent console's.
import { describe, expect, it } from 'vitest';
import { customerName } from '../../../demo/bot/customer-name';
import { answerText, fileThanks, greet, MENU, menuMessage, respond } from '../../../demo/bot/reply';
import type { BotMemory, ChatSnapshot } from '../../../demo/bot/reply';
import { waitingChats } from '../../../demo/bot/waiting-chats';

const CUSTOMER = 'c-1';
const BOT = 'bot@chatlet.test';
const HUMAN = 'agent@chatlet.test';
const users = [
  { id: CUSTOMER, type: 'customer' },
  { id: HUMAN, type: 'agent', name: 'Alex' },
];
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 12, 0, s)).toISOString();
const form = (name: string, shape: 'answer' | 'value' = 'answer') => ({
  type: 'filled_form',
  author_id: CUSTOMER,
  fields: [{ id: 'name', type: 'name', label: 'Name', [shape]: name }],
});
const message = (author: string, text: string, s = 0) => ({ type: 'message', author_id: author, text, created_at: at(s) });

function memory(overrides: Partial<BotMemory> = {}): BotMemory {
  return { chatId: 'C', threadId: 'T', customerId: CUSTOMER, quiet: false, buttons: {}, acknowledged: [], ...overrides };
}

describe('customerName', () => {
  it('takes the first name from the prechat form in either answer shape, else from the customer', () => {
    expect(customerName([form('  Ann  Lee ')], [])).toBe('Ann');
    expect(customerName([form('Jan Kowalski', 'value')], [])).toBe('Jan');
    expect(customerName([], [{ type: 'customer', name: 'Bo' }])).toBe('Bo');
    expect(customerName([form('   ')], [])).toBeUndefined();
    expect(customerName([{ type: 'message', text: 'hi' }], [{ type: 'agent', name: 'Alex' }])).toBeUndefined();
  });
});

describe('greet', () => {
  it('greets by name and remembers the chat', () => {
    const chat: ChatSnapshot = { id: 'C', users, thread: { id: 'T', active: true, events: [form('Ann')] } };
    const { memory: m, replies } = greet(chat);
    expect(replies).toEqual([{ type: 'message', text: expect.stringMatching(/^Hi Ann! .*"menu"/) }]);
    expect(m).toMatchObject({ chatId: 'C', threadId: 'T', customerId: CUSTOMER, name: 'Ann', quiet: false });
  });

  it('says "there" without a name, and answers the question that waited since the last agent message', () => {
    const events = [message(CUSTOMER, 'hello'), message(HUMAN, 'one moment'), message(CUSTOMER, 'menu please')];
    const { memory: m, replies } = greet({ id: 'C', users, thread: { id: 'T', events } });
    expect(replies[0]).toEqual({ type: 'message', text: expect.stringMatching(/^Hi there! /) });
    expect(replies[1]).toEqual(menuMessage());
    expect(Object.keys(m.buttons)).toEqual(MENU.map((x) => x.id));
  });

  it('does not answer when an agent spoke last', () => {
    const events = [message(CUSTOMER, 'shipping?'), message(HUMAN, 'Wednesday!')];
    expect(greet({ id: 'C', users, thread: { id: 'T', events } }).replies).toHaveLength(1);
  });
});

describe('respond', () => {
  const from = (text: string, extra: Record<string, unknown> = {}) => ({ kind: 'event' as const, event: { ...message(CUSTOMER, text), ...extra }, authorIsBot: false });

  it('answers "menu" with one card whose buttons post their labels', () => {
    const { replies, memory: m } = respond(memory(), from('  MENU '));
    expect(replies).toEqual([menuMessage()]);
    const menu = replies[0]!;
    if (menu.type !== 'rich_message') throw new Error('expected a rich message');
    expect(menu.template_id).toBe('cards');
    expect(menu.elements[0]!.buttons!.map((b) => [b.text, b.postback_id, b.type])).toEqual(MENU.map((x) => [x.label, x.id, 'message']));
    expect(m.buttons).toEqual(Object.fromEntries(MENU.map((x) => [x.id, x.label])));
  });

  it('acknowledges a customer postback once, whether it arrives as a postback or as the posted label', () => {
    const withMenu = respond(memory(), from('menu')).memory;
    const first = respond(withMenu, { kind: 'postback', userId: CUSTOMER, postbackId: 'menu_order', toggled: true });
    expect(first.replies).toEqual([{ type: 'message', text: `You picked "Track my order". ${MENU[0]!.answer}` }]);
    expect(respond(first.memory, from('Track my order')).replies).toEqual([]);
    expect(respond(first.memory, { kind: 'postback', userId: CUSTOMER, postbackId: 'menu_order', toggled: true }).replies).toEqual([]);

    const byLabel = respond(withMenu, from('Talk to a barista'));
    expect(byLabel.replies).toEqual([{ type: 'message', text: `You picked "Talk to a barista". ${MENU[2]!.answer}` }]);
    const byAttached = respond(withMenu, from('anything', { postback: { id: 'menu_roast', thread_id: 'T', event_id: 'E' } }));
    expect(byAttached.replies[0]).toEqual({ type: 'message', text: expect.stringContaining('Recommend a roast') });
  });

  it('ignores untoggles, postbacks of others and unknown postback ids', () => {
    const m = respond(memory(), from('menu')).memory;
    expect(respond(m, { kind: 'postback', userId: CUSTOMER, postbackId: 'menu_order', toggled: false }).replies).toEqual([]);
    expect(respond(m, { kind: 'postback', userId: HUMAN, postbackId: 'menu_order', toggled: true }).replies).toEqual([]);
    expect(respond(m, { kind: 'postback', userId: CUSTOMER, postbackId: 'nope', toggled: true }).replies).toEqual([]);
  });

  it('answers free text by topic', () => {
    expect(answerText('Can I change my grind after ordering?')).toMatch(/until the order is packed/);
    expect(answerText('when will my order arrive?')).toBe(MENU[0]!.answer);
    expect(answerText('Which grind for a French press?')).toBe(MENU[1]!.answer);
    expect(answerText('can I talk to a human')).toBe(MENU[2]!.answer);
    expect(answerText('how much does it cost')).toMatch(/\$16/);
    expect(answerText('thank you')).toMatch(/welcome/);
    expect(answerText('qwerty')).toMatch(/Type "menu"/);
    expect(respond(memory(), from('qwerty')).replies).toEqual([{ type: 'message', text: answerText('qwerty') }]);
  });

  it('goes quiet for good once a human agent writes, but not for its own or system events', () => {
    const own = respond(memory(), { kind: 'event', event: message(BOT, 'Hi!'), authorIsBot: true });
    expect(own.memory.quiet).toBe(false);
    const system = respond(memory(), { kind: 'event', event: { type: 'system_message', text: 'Alex joined' }, authorIsBot: false });
    expect(system.memory.quiet).toBe(false);
    const human = respond(memory(), { kind: 'event', event: message(HUMAN, 'I can help'), authorIsBot: false });
    expect(human).toEqual({ memory: memory({ quiet: true }), replies: [] });
    expect(respond(human.memory, from('menu')).replies).toEqual([]);
    expect(respond(human.memory, { kind: 'postback', userId: CUSTOMER, postbackId: 'menu_order', toggled: true }).replies).toEqual([]);
  });

  it('does not answer forms or other non-text customer events', () => {
    expect(respond(memory(), { kind: 'event', event: form('Ann'), authorIsBot: false }).replies).toEqual([]);
    expect(respond(memory(), { kind: 'event', event: { type: 'custom', author_id: CUSTOMER, content: {} }, authorIsBot: false }).replies).toEqual([]);
  });

  it("acknowledges the customer's file by name, shortened, and no one else's", () => {
    const file = (name: unknown, author = CUSTOMER) => ({ kind: 'event' as const, event: { type: 'file', author_id: author, name, url: 'https://x/y.png' }, authorIsBot: false });
    expect(respond(memory(), file('receipt.pdf')).replies).toEqual([{ type: 'message', text: fileThanks('receipt.pdf') }]);
    expect(fileThanks('receipt.pdf')).toBe('Thanks, I got your file "receipt.pdf". A barista will take a look and get back to you here.');
    expect(fileThanks(`${'a'.repeat(100)}.png`)).toContain(`"${'a'.repeat(59)}…"`);
    expect(fileThanks(undefined)).toMatch(/^Thanks, I got your file\. /);
    expect(fileThanks('  ')).toMatch(/^Thanks, I got your file\. /);
    const bot = { ...file('mine.png', BOT), authorIsBot: true };
    expect(respond(memory(), bot).replies).toEqual([]);
    expect(respond(memory({ quiet: true }), file('late.png')).replies).toEqual([]);
  });
});

describe('waitingChats', () => {
  const now = Date.parse(at(40));
  const chat = (id: string, events: Array<Record<string, unknown>>, thread: Partial<NonNullable<ChatSnapshot['thread']>> = {}): ChatSnapshot => ({
    id,
    users,
    thread: { id: `T-${id}`, active: true, user_ids: [CUSTOMER, HUMAN], events, ...thread },
  });

  it('picks active chats without the bot whose customer has waited at least the grace period', () => {
    const chats = [
      chat('waited', [form('Ann'), message(CUSTOMER, 'hi', 5)].map((e, i) => ({ ...e, created_at: at(i * 5) }))),
      chat('fresh', [message(CUSTOMER, 'hi', 35)]),
      chat('answered', [message(CUSTOMER, 'hi', 0), message(HUMAN, 'hello', 2)]),
      chat('asked-again', [message(CUSTOMER, 'hi', 0), message(HUMAN, 'hello', 2), message(CUSTOMER, 'still there?', 9)]),
      chat('closed', [message(CUSTOMER, 'hi', 0)], { active: false }),
      chat('mine', [message(CUSTOMER, 'hi', 0)], { user_ids: [CUSTOMER, BOT] }),
      chat('silent', []),
      { id: 'no-thread', users },
    ];
    expect(waitingChats(chats, { botId: BOT, now, afterMs: 30_000 })).toEqual(['waited', 'asked-again']);
  });

  it('measures from the first unanswered event and reads seconds timestamps too', () => {
    const events = [{ type: 'message', author_id: CUSTOMER, text: 'hi', timestamp: Date.parse(at(10)) / 1000 }];
    expect(waitingChats([chat('a', events)], { botId: BOT, now, afterMs: 30_000 })).toEqual(['a']);
    expect(waitingChats([chat('a', events)], { botId: BOT, now, afterMs: 30_001 })).toEqual([]);
    expect(waitingChats([chat('a', [message('system', 'x', 0)].map(({ author_id: _, ...e }) => e))], { botId: BOT, now, afterMs: 0 })).toEqual([]);
  });
});
