// Read-only views over the console state for the components: the chat lists, the customer,
// form answers, the rating and the timeline with postback notices. Pure functions.
import type { Json } from './agent-client';
import { timeOf } from './chat-snapshot';
import type { ChatUser, ConsoleChat, ConsoleState, Notice } from './console-state';

export interface ChatLists {
  /** Active chats no agent is in yet. */
  queue: ConsoleChat[];
  /** Active chats I am in. */
  mine: ConsoleChat[];
  /** Active chats other agents (or the bot) handle. */
  others: ConsoleChat[];
  /** Chats whose last thread is closed. */
  closed: ConsoleChat[];
}

/**
 * Splits the chats into the console's lists, most recent activity first.
 * @example
 * const { queue, mine } = chatLists(state);
 */
export function chatLists(state: ConsoleState): ChatLists {
  const lists: ChatLists = { queue: [], mine: [], others: [], closed: [] };
  const me = state.me?.id;
  const chats = Object.values(state.chats)
    .filter((c) => c.threadId !== undefined)
    .sort((a, b) => b.lastActivity - a.lastActivity);
  for (const chat of chats) {
    if (!chat.active) lists.closed.push(chat);
    else if (chat.agentIds.length === 0) lists.queue.push(chat);
    else if (me !== undefined && chat.agentIds.includes(me)) lists.mine.push(chat);
    else lists.others.push(chat);
  }
  return lists;
}

/** The chat's customer. @example customerOf(chat)?.name; */
export function customerOf(chat: ConsoleChat): ChatUser | undefined {
  return chat.users.find((u) => u.type === 'customer');
}

/**
 * The first prechat answer of a field type (`name`, `email`…), if the customer gave one.
 * @example
 * prechatAnswer(chat, 'email'); // 'ann@example.com'
 */
export function prechatAnswer(chat: ConsoleChat, type: string): string | undefined {
  const fields: Json[] = Array.isArray(prechatForm(chat)?.fields) ? prechatForm(chat)!.fields : [];
  const answer = fields.find((f) => f.type === type)?.answer ?? fields.find((f) => f.type === type)?.value;
  return typeof answer === 'string' && answer.trim() !== '' ? answer.trim() : undefined;
}

/**
 * Who to call the customer: their name, the name they gave in the prechat form, their e-mail,
 * or a short id.
 * @example
 * displayName(chat); // 'Ann Lee'
 */
export function displayName(chat: ConsoleChat): string {
  const c = customerOf(chat);
  return c?.name || prechatAnswer(chat, 'name') || c?.email || `Visitor ${(c?.id ?? chat.id).slice(0, 6)}`;
}

/** Name of any user of the chat, for "X is typing" and authors. @example userName(chat, 'bot@chatlet.test'); */
export function userName(chat: ConsoleChat, userId: string): string {
  const user = chat.users.find((u) => u.id === userId);
  return user?.name ?? (user?.type === 'customer' ? displayName(chat) : userId);
}

function answerText(field: Json): string {
  const one = field.answer ?? field.value;
  if (typeof one === 'string') return one;
  if (one && typeof one === 'object' && typeof one.label === 'string') return one.label;
  const many = Array.isArray(field.answers) ? field.answers : Array.isArray(field.options) ? field.options.filter((o: Json) => o.checked) : [];
  return many.map((o: Json) => o.label ?? o.value ?? '').filter(Boolean).join(', ');
}

/**
 * A filled form's answers as label/answer text pairs (v3.1 `answer`/`answers`, seed `value`/`options`).
 * @example
 * formAnswers(filledForm); // [{ label: 'Name:', answer: 'Ann' }]
 */
export function formAnswers(event: Json): Array<{ label: string; answer: string }> {
  const fields = Array.isArray(event.fields) ? event.fields : [];
  return fields
    .map((f: Json) => ({ label: String(f.label ?? f.id ?? ''), answer: answerText(f) }))
    .filter((f: { answer: string }) => f.answer !== '');
}

/** The first filled form of the thread (the prechat survey). @example prechatForm(chat); */
export function prechatForm(chat: ConsoleChat): Json | undefined {
  return chat.events.find((e) => e.type === 'filled_form');
}

/**
 * The customer's rating of the last thread (thread property `rating`), if any.
 * @example
 * ratingOf(chat); // { score: 1, comment: 'Quick and kind' }
 */
export function ratingOf(chat: ConsoleChat): { score: number; comment?: string } | undefined {
  const rating = chat.threadProperties.rating;
  const score = rating?.score?.value;
  if (typeof score !== 'number') return undefined;
  const comment = rating.comment?.value;
  return typeof comment === 'string' && comment !== '' ? { score, comment } : { score };
}

export type TimelineItem = { kind: 'event'; event: Json } | { kind: 'notice'; notice: Notice };

/**
 * Events of the last thread with the postback notices placed after the events they followed.
 * @example
 * timeline(chat).map((i) => i.kind);
 */
export function timeline(chat: ConsoleChat): TimelineItem[] {
  const out: TimelineItem[] = [];
  const notices = [...chat.notices];
  for (const event of chat.events) {
    const order = typeof event.order === 'number' ? event.order : Infinity;
    while (notices[0] && notices[0].afterOrder < order) out.push({ kind: 'notice', notice: notices.shift()! });
    out.push({ kind: 'event', event });
  }
  for (const notice of notices) out.push({ kind: 'notice', notice });
  return out;
}

/** A one-line preview of the last thing said. @example preview(chat); // 'Do you ship to Europe?' */
export function preview(chat: ConsoleChat): string {
  for (let i = chat.events.length - 1; i >= 0; i--) {
    const e = chat.events[i]!;
    if (e.type === 'message' || e.type === 'system_message') return String(e.text ?? '');
    if (e.type === 'rich_message') return e.elements?.[0]?.title ?? 'Rich message';
    if (e.type === 'filled_form') return 'Filled a form';
    if (e.type === 'file') return String(e.name ?? 'File');
  }
  return '';
}

/**
 * What a postback notice says.
 * @example
 * noticeText(chat, notice); // 'Ann Lee clicked “Yes”'
 */
export function noticeText(chat: ConsoleChat, notice: Notice): string {
  return `${userName(chat, notice.userId)} ${notice.toggled ? 'clicked' : 'unselected'} “${notice.label}”`;
}

/** "12:04" for an event or thread. @example clock(event); */
export function clock(x: Json): string {
  const ms = timeOf(x);
  return ms ? new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}
