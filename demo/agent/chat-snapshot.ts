// Folding chat snapshots (login, listings, `incoming_chat_thread`) into the console's chat
// records: users, the last thread and its events by `order`. Pure; malformed input is skipped.
import type { Json } from './agent-client';
import type { ChatUser, ConsoleChat } from './console-state';

/** Whether a value is a plain JSON object. @example isObj({}); // true */
export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Milliseconds of an event or thread: `created_at` (v3.1 style) or `timestamp` in seconds. */
export function timeOf(x: Json): number {
  const parsed = typeof x.created_at === 'string' ? Date.parse(x.created_at) : Number.NaN;
  if (!Number.isNaN(parsed)) return parsed;
  return typeof x.timestamp === 'number' ? x.timestamp * 1000 : 0;
}

/** The users of a chat or push, skipping malformed ones. @example readUsers(chat.users); */
export function readUsers(raw: unknown): ChatUser[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((u): u is Json => isObj(u) && typeof u.id === 'string').map((u) => ({
    id: u.id,
    type: u.type === 'customer' ? 'customer' : 'agent',
    ...(typeof u.name === 'string' && { name: u.name }),
    ...(typeof u.email === 'string' && { email: u.email }),
    ...(isObj(u.fields) && { fields: u.fields }),
  }));
}

function emptyChat(id: string): ConsoleChat {
  return { id, users: [], threadOrder: -1, active: false, agentIds: [], events: [], notices: [], threadProperties: {}, typing: [], unread: 0, lastActivity: 0 };
}

/** Events deduplicated by id and ordered by `order`. @example mergeEvents(chat.events, [event]); */
export function mergeEvents(current: Json[], incoming: Json[]): Json[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) if (isObj(e) && typeof e.id === 'string') byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.order ?? timeOf(a)) - (b.order ?? timeOf(b)));
}

/** Ids of the chat's customers. @example customerIds(chat).has(authorId); */
export function customerIds(chat: ConsoleChat): Set<string> {
  return new Set(chat.users.filter((u) => u.type === 'customer').map((u) => u.id));
}

/**
 * Folds a chat with one thread (push, listing, or the last of `threads`) into what we know;
 * an older thread than the one held is ignored.
 * @example
 * const chat = withSnapshot(state.chats[id], push.chat);
 */
export function withSnapshot(chat: ConsoleChat | undefined, raw: Json): ConsoleChat | undefined {
  if (typeof raw.id !== 'string') return chat;
  const base = chat ?? emptyChat(raw.id);
  const threads = Array.isArray(raw.threads) ? raw.threads.filter(isObj) : [];
  const thread = isObj(raw.thread) && typeof raw.thread.id === 'string' ? raw.thread : threads.at(-1);
  const users = readUsers(raw.users);
  let next: ConsoleChat = { ...base, users: users.length > 0 ? users : base.users };
  if (!thread || typeof thread.id !== 'string') return next;
  const order = typeof thread.order === 'number' ? thread.order : base.threadOrder;
  if (thread.id !== base.threadId && order < base.threadOrder) return next;
  const sameThread = thread.id === base.threadId;
  const customers = customerIds(next);
  const events = mergeEvents(sameThread ? base.events : [], Array.isArray(thread.events) ? thread.events : []);
  next = {
    ...next,
    threadId: thread.id,
    threadOrder: order,
    active: thread.active === true,
    agentIds: Array.isArray(thread.user_ids) ? thread.user_ids.filter((id: unknown) => typeof id === 'string' && !customers.has(id)) : base.agentIds,
    events,
    notices: sameThread ? base.notices : [],
    threadProperties: isObj(thread.properties) ? thread.properties : sameThread ? base.threadProperties : {},
    lastActivity: Math.max(base.lastActivity, timeOf(thread), ...events.map(timeOf)),
  };
  if (!next.active) next = { ...next, typing: [], sneakPeek: undefined };
  return next;
}

