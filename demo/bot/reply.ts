// What the demo bot says, as a pure function of what happened in a chat and what it remembers
// about that chat. No sockets and no timers here: bot.ts turns the replies into
// `send_typing_indicator` + `send_event` requests.
import { customerName } from './customer-name';

/** Something the bot sends: plain text or a rich message (seed 002 "Rich message"). */
export type BotReply = { type: 'message'; text: string } | { type: 'rich_message'; template_id: 'cards' | 'quick_replies'; elements: RichElement[] };

interface RichElement {
  title?: string;
  subtitle?: string;
  buttons?: Array<{ text: string; postback_id: string; type: 'message'; value: string; user_ids: string[] }>;
}

/** What the bot remembers about one chat it answers. */
export interface BotMemory {
  chatId: string;
  threadId: string;
  customerId: string;
  name?: string;
  /** A human agent has written in this thread: the bot stays out of it from then on. */
  quiet: boolean;
  /** Buttons of the menus the bot sent, by postback id → label. */
  buttons: Record<string, string>;
  /** Postback ids already acknowledged, so a click that also posts its label is answered once. */
  acknowledged: string[];
}

/** A chat as pushes and responses carry it: users and one thread with its events. */
export interface ChatSnapshot {
  id: string;
  users?: Array<{ id: string; type?: string; name?: string }>;
  thread?: { id?: string; active?: boolean; user_ids?: string[]; events?: Array<Record<string, any>> };
}

/** What happened in a chat the bot answers. */
export type BotInput =
  | { kind: 'event'; event: Record<string, any>; authorIsBot: boolean }
  | { kind: 'postback'; userId: string; postbackId: string; toggled: boolean };

export const MENU: Array<{ id: string; label: string; answer: string }> = [
  {
    id: 'menu_order',
    label: 'Track my order',
    answer: 'Orders ship the day after roasting (Wednesdays) and the tracking link arrives by e-mail. Send me your order number and a barista will check on it.',
  },
  {
    id: 'menu_roast',
    label: 'Recommend a roast',
    answer: 'For espresso or milk drinks: House Blend. For pour-over: Yirgacheffe, bright and floral. For evenings: Night Owl Decaf.',
  },
  {
    id: 'menu_human',
    label: 'Talk to a barista',
    answer: 'I have asked a barista to join. They usually reply within a few minutes; keep typing here in the meantime.',
  },
];

const MENU_TITLE = 'How can I help?';

/** The cards rich message the bot answers "menu" with: one card, one button per topic. */
export function menuMessage(): BotReply {
  return {
    type: 'rich_message',
    template_id: 'cards',
    elements: [
      {
        title: MENU_TITLE,
        subtitle: 'Pick a topic, or just type your question.',
        buttons: MENU.map((m) => ({ text: m.label, postback_id: m.id, type: 'message', value: m.label, user_ids: [] })),
      },
    ],
  };
}

const TOPICS: Array<[RegExp, string]> = [
  [/\b(change|cancel|modify|edit)\b.*\b(order|ordering|grind|address)\b/i, 'You can change the grind or address, or cancel, until the order is packed on Tuesday evening. Send me your order number and a barista will update it.'],
  [/\b(ship|shipping|deliver|delivery|track|tracking|order)\b/i, MENU[0]!.answer],
  [/\b(espresso|grind|roast|recommend|pour|french press|filter|decaf|bean|beans)\b/i, MENU[1]!.answer],
  [/\b(human|agent|person|barista|someone)\b/i, MENU[2]!.answer],
  [/\b(price|prices|cost|costs|discount|subscription|subscribe)\b/i, 'Bags start at $16 for 250 g; shipping is free over $40, and subscriptions save 10% and can be paused anytime.'],
  [/\b(thanks|thank you|thx|cheers)\b/i, 'You are welcome! Anything else I can do for you?'],
  [/\b(hi|hello|hey|good (morning|afternoon|evening))\b/i, 'Hello again! What can I help you with?'],
];

/** A helpful answer to free text: the first topic it mentions, else how to reach the menu. */
export function answerText(text: string): string {
  for (const [pattern, answer] of TOPICS) if (pattern.test(text)) return answer;
  return 'I am the Chatlet Coffee assistant, so I only know a few things. Type "menu" to see them, or ask about shipping, roasts or prices.';
}

const MAX_NAME_CHARS = 60;

/**
 * The bot's answer to a file the customer sent, naming it (shortened, and only ever sent as text).
 * @example
 * fileThanks('receipt.pdf'); // 'Thanks, I got your file "receipt.pdf". …'
 */
export function fileThanks(name: unknown): string {
  const text = typeof name === 'string' ? name.trim() : '';
  const shown = text.length > MAX_NAME_CHARS ? `${text.slice(0, MAX_NAME_CHARS - 1)}…` : text;
  const what = shown ? `your file "${shown}"` : 'your file';
  return `Thanks, I got ${what}. A barista will take a look and get back to you here.`;
}

function isCustomer(chat: ChatSnapshot, userId: unknown): boolean {
  return chat.users?.some((u) => u.id === userId && u.type === 'customer') ?? false;
}

/**
 * Starts remembering a chat the bot was just given and greets the customer by name; when the
 * customer already wrote and no agent has answered since, it answers that message too.
 * @example
 * const { memory, replies } = greet(chat); // replies[0].text === 'Hi Ann! …'
 */
export function greet(chat: ChatSnapshot): { memory: BotMemory; replies: BotReply[] } {
  const customerId = chat.users?.find((u) => u.type === 'customer')?.id ?? '';
  const events = chat.thread?.events ?? [];
  const name = customerName(events, chat.users ?? []);
  const memory: BotMemory = { chatId: chat.id, threadId: chat.thread?.id ?? '', customerId, quiet: false, buttons: {}, acknowledged: [], ...(name && { name }) };
  const hello = `Hi ${name ?? 'there'}! I am the Chatlet Coffee assistant. Ask me anything, or type "menu" to see what I can do.`;
  const replies: BotReply[] = [{ type: 'message', text: hello }];
  const question = unansweredMessage(chat);
  if (question) replies.push(...respond(memory, { kind: 'event', event: question, authorIsBot: false }).replies);
  return { memory: remember(memory, replies), replies };
}

/** The customer's last message after the last event any agent wrote, if there is one. */
function unansweredMessage(chat: ChatSnapshot): Record<string, any> | undefined {
  const events = chat.thread?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.author_id === undefined) continue;
    if (!isCustomer(chat, e.author_id)) return undefined;
    if (e.type === 'message') return e;
  }
  return undefined;
}

function remember(memory: BotMemory, replies: BotReply[]): BotMemory {
  const buttons = { ...memory.buttons };
  for (const r of replies) if (r.type === 'rich_message') for (const el of r.elements) for (const b of el.buttons ?? []) buttons[b.postback_id] = b.text;
  return { ...memory, buttons };
}

function acknowledge(memory: BotMemory, postbackId: string): { memory: BotMemory; replies: BotReply[] } {
  const topic = MENU.find((m) => m.id === postbackId);
  if (!topic || memory.acknowledged.includes(postbackId)) return { memory, replies: [] };
  const replies: BotReply[] = [{ type: 'message', text: `You picked "${topic.label}". ${topic.answer}` }];
  return { memory: { ...memory, acknowledged: [...memory.acknowledged, postbackId] }, replies };
}

/**
 * The bot's answer to one thing that happened in a chat it remembers. Only the customer is
 * answered; once a human agent writes, the bot goes quiet in that thread.
 * @example
 * respond(memory, { kind: 'event', event: { type: 'message', text: 'menu', author_id: memory.customerId }, authorIsBot: false });
 * // → { replies: [menuMessage()], memory }
 */
export function respond(memory: BotMemory, input: BotInput): { memory: BotMemory; replies: BotReply[] } {
  if (memory.quiet) return { memory, replies: [] };
  if (input.kind === 'postback') {
    if (input.userId !== memory.customerId || !input.toggled) return { memory, replies: [] };
    return acknowledge(memory, input.postbackId);
  }
  const { event } = input;
  if (event.author_id !== memory.customerId) {
    const human = !input.authorIsBot && event.author_id !== undefined && event.type !== 'system_message';
    return { memory: human ? { ...memory, quiet: true } : memory, replies: [] };
  }
  if (event.type === 'file') return { memory, replies: [{ type: 'message', text: fileThanks(event.name) }] };
  if (event.type !== 'message' || typeof event.text !== 'string') return { memory, replies: [] };
  const text = event.text.trim();
  // A `message` button posts its label (with the postback attached, in v3.1): treat it as the
  // click its postback also reports.
  const clicked = typeof event.postback?.id === 'string' ? event.postback.id : Object.entries(memory.buttons).find(([, label]) => label === text)?.[0];
  if (clicked) return acknowledge(memory, clicked);
  const replies: BotReply[] = /^menu\b/i.test(text) ? [menuMessage()] : [{ type: 'message', text: answerText(text) }];
  return { memory: remember(memory, replies), replies };
}
