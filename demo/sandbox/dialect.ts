// The two dialects of the customer API v3.1 (DESIGN.md §1, protocol-notes §9). The handlers speak
// the seed, LiveChat's pre-release draft (`draft`); v3.1 as released (`released`) is made from it
// here, at the customer edge, and nowhere else. Agents (API v3.0) never pass through this module,
// so they see the same server in both dialects.
import type { HandlerTable } from './core';
import { ownChat } from './customer-access';
import { ApiError, isObject, reqArray } from './protocol';
import type { Payload } from './protocol';
import { activeThread, findThread } from './store-chats';
import type { Store } from './store';

/** `draft`: the seed (default). `released`: v3.1 as LiveChat shipped it on 2019-09-17. */
export type Dialect = 'draft' | 'released';
export const DIALECTS: readonly Dialect[] = ['draft', 'released'];

/** How one dialect differs from the handlers' (the seed's) customer API. */
export interface CustomerEdge {
  /** The customer methods the dialect has (every one but `login`). */
  handlers: HandlerTable;
  /** A successful response's payload as the dialect answers `action`, given the request's payload. */
  response(action: string, request: Payload, payload: unknown): unknown;
  /** A push frame to a customer as the dialect sends it. */
  push(frame: Payload): Payload;
}

const same = <T>(value: T): T => value;

/**
 * The customer edge of a dialect over the seed's handler table.
 * @example
 * const edge = customerEdge('released', core.store, customerHandlers);
 * dispatch(edge.handlers, ctx, 'start_chat', payload);
 */
export function customerEdge(dialect: Dialect, store: Store, handlers: HandlerTable): CustomerEdge {
  if (dialect === 'draft') return { handlers, response: (_action, _request, payload) => payload, push: same };
  return { handlers: releasedHandlers(handlers), response: (action, request, payload) => releasedResponse(store, action, request, payload), push: (f) => releasedPush(store, f) };
}

/**
 * Released v3.1's methods: `update_last_seen_timestamp` is gone (it became `mark_events_as_seen`,
 * which the seed's table has too), `get_chat_threads` needs `thread_ids`, and `send_event` no
 * longer opens a thread: an inactive chat is reopened with `activate_chat`.
 */
function releasedHandlers(seed: HandlerTable): HandlerTable {
  const { update_last_seen_timestamp: _renamed, ...handlers } = seed;
  return {
    ...handlers,
    get_chat_threads(ctx, payload) {
      reqArray(payload, 'thread_ids');
      return seed.get_chat_threads!(ctx, payload);
    },
    send_event(ctx, payload) {
      const chat = typeof payload.chat_id === 'string' ? ownChat(ctx, payload.chat_id) : undefined;
      if (chat && !activeThread(chat) && payload.attach_to_last_thread !== true) {
        throw new ApiError('validation', `chat ${chat.id} is inactive: reopen it with activate_chat, or send attach_to_last_thread: true`);
      }
      return seed.send_event!(ctx, payload);
    },
  };
}

function without(object: unknown, keys: string[]): unknown {
  if (!isObject(object)) return object;
  const out: Payload = { ...object };
  for (const k of keys) delete out[k];
  return out;
}

/** Released events carry `created_at` only: no `order`, no `timestamp` (threads keep `order`). */
const event = (e: unknown): unknown => without(e, ['order', 'timestamp']);
/** Released users carry `events_seen_up_to`, not the draft's `last_seen_timestamp`. */
const user = (u: unknown): unknown => without(u, ['last_seen_timestamp']);
const list = (value: unknown, f: (item: unknown) => unknown): unknown => (Array.isArray(value) ? value.map(f) : value);

function thread(t: unknown): unknown {
  return isObject(t) && Array.isArray(t.events) ? { ...t, events: t.events.map(event) } : t;
}

function chat(c: unknown): unknown {
  if (!isObject(c)) return c;
  const out: Payload = { ...c, users: list(c.users, user) };
  if (c.thread !== undefined) out.thread = thread(c.thread);
  if (c.threads !== undefined) out.threads = list(c.threads, thread);
  return out;
}

function summary(s: unknown): unknown {
  if (!isObject(s)) return s;
  const last = isObject(s.last_event_per_type) ? s.last_event_per_type : {};
  const perType = Object.fromEntries(Object.entries(last).map(([type, v]) => [type, isObject(v) ? { ...v, event: event(v.event) } : v]));
  return { ...s, users: list(s.users, user), last_event_per_type: perType };
}

/** Events, users and chats anywhere a customer payload carries them, in released shapes. */
function objects(payload: unknown): unknown {
  if (!isObject(payload)) return payload;
  const out: Payload = { ...payload };
  if (out.chat !== undefined) out.chat = chat(out.chat);
  if (out.event !== undefined) out.event = event(out.event);
  if (out.user !== undefined) out.user = user(out.user);
  if (out.chats_summary !== undefined) out.chats_summary = list(out.chats_summary, summary);
  return out;
}

/** Ids of the events the request itself sent in a new thread (server-added events excluded). */
function sentEventIds(store: Store, chatId: string, threadId: string, request: Payload): { event_ids?: string[] } {
  const sent = isObject(request.chat) && isObject(request.chat.thread) && Array.isArray(request.chat.thread.events) ? request.chat.thread.events.length : 0;
  const chatRecord = store.chats.get(chatId);
  const events = (chatRecord && findThread(chatRecord, threadId)?.events) ?? [];
  return sent > 0 ? { event_ids: events.slice(0, sent).map((e) => e.id) } : {};
}

/** Released answers: IDs only for start_chat, activate_chat and send_event; the predicted agent flat. */
function releasedResponse(store: Store, action: string, request: Payload, payload: unknown): unknown {
  const p = isObject(payload) ? payload : {};
  const c = isObject(p.chat) ? p.chat : {};
  const t = isObject(c.thread) ? c.thread : {};
  switch (action) {
    case 'start_chat':
      return { chat_id: c.id, thread_id: t.id, ...sentEventIds(store, String(c.id), String(t.id), request) };
    case 'activate_chat':
      return { thread_id: t.id, ...sentEventIds(store, String(c.id), String(t.id), request) };
    case 'send_event':
      return { event_id: isObject(p.event) ? p.event.id : undefined };
    case 'get_predicted_agent':
      return p.agent;
    default:
      return objects(payload);
  }
}

/** Released pushes: `events_marked_as_seen {user_id, chat_id, seen_up_to}` for the draft's seen push. */
function releasedPush(store: Store, frame: Payload): Payload {
  const p = isObject(frame.payload) ? frame.payload : {};
  if (frame.action !== 'last_seen_timestamp_updated') return { ...frame, payload: objects(frame.payload) };
  const seen = store.chats.get(String(p.chat_id))?.seen.get(String(p.user_id));
  const seenUpTo = seen?.seenUpTo ?? new Date(Number(p.timestamp) * 1000).toISOString().replace('Z', '000Z');
  return { ...frame, action: 'events_marked_as_seen', payload: { user_id: p.user_id, chat_id: p.chat_id, seen_up_to: seenUpTo } };
}
