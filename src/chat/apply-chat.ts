// Merges a chat as responses and pushes describe it (Chat or ChatSummary) into the state.
import type { Chat, ChatSummary, Thread, User } from '../protocol/types';
import { applyEvents } from './apply-events';
import type { ChatRecord, ChatState, ThreadRecord } from './chat-state';
import { mergeProperties } from './merge-properties';
import { unwrapProperties } from './unwrap-properties';
import { withChat } from './with-chat';
import { withThread } from './with-thread';

type WireChat = Partial<Chat> & Partial<Pick<ChatSummary, 'last_thread_id' | 'active'>> & { id: string };

const isUser = (u: unknown): u is User =>
  typeof u === 'object' && u !== null && typeof (u as User).id === 'string' && typeof (u as User).type === 'string';

/** Read receipt of a user object in ms: released v3.1 `events_seen_up_to`, or the seed's seconds. */
function seenOf(user: User): number | null {
  if (typeof user.events_seen_up_to === 'string') {
    const ms = Date.parse(user.events_seen_up_to);
    if (!Number.isNaN(ms)) return ms;
  }
  return typeof user.last_seen_timestamp === 'number' ? user.last_seen_timestamp * 1000 : null;
}

/**
 * Stores users in the directory (merged, so a partial object keeps known fields) and, with `chatId`,
 * records their read receipts in that chat.
 *
 * @example
 * applyUsers(state, [{ id: 'a@b.c', type: 'agent', name: 'Ann' }], 'PJ0MRSHTDG');
 */
export function applyUsers(state: ChatState, users: readonly unknown[], chatId?: string): ChatState {
  const valid = users.filter(isUser);
  if (valid.length === 0) return state;
  const directory = { ...state.users };
  for (const u of valid) directory[u.id] = { ...directory[u.id], ...u } as User;
  const next = { ...state, users: directory };
  if (chatId === undefined) return next;
  return withChat(next, chatId, (chat) => {
    const seenUpTo = { ...chat.seenUpTo };
    for (const u of valid) {
      const seen = seenOf(u);
      if (seen !== null && seen > (seenUpTo[u.id] ?? 0)) seenUpTo[u.id] = seen;
    }
    return { ...chat, seenUpTo };
  });
}

function applyThreadFields(thread: ThreadRecord, wire: Thread): ThreadRecord {
  return {
    ...thread,
    order: typeof wire.order === 'number' ? wire.order : thread.order,
    // Threads never reopen (activate_chat starts a new one), so a stale copy cannot undo a close.
    active: thread.active && wire.active !== false,
    timestamp: wire.timestamp ?? thread.timestamp,
    createdAt: wire.created_at ?? thread.createdAt,
    properties: mergeProperties(thread.properties, unwrapProperties(wire.properties)),
  };
}

function applyChatFields(chat: ChatRecord, wire: WireChat): ChatRecord {
  const users = Array.isArray(wire.users) ? wire.users.filter(isUser) : [];
  return {
    ...chat,
    order: typeof wire.order === 'number' ? wire.order : chat.order,
    userIds: users.length > 0 ? users.map((u) => u.id) : chat.userIds,
    properties: mergeProperties(chat.properties, unwrapProperties(wire.properties)),
    lastThreadId: chat.threadIds.length === 0 ? (wire.last_thread_id ?? chat.lastThreadId) : chat.lastThreadId,
    active: chat.threadIds.length === 0 && typeof wire.active === 'boolean' ? wire.active : chat.active,
  };
}

/**
 * Merges a wire chat: its fields, users, read receipts and every thread in `threads`/`thread` with
 * its events. Nothing known is dropped, so stale or duplicate copies are harmless.
 *
 * @example
 * applyChat(state, { id: 'PJ0MRSHTDG', users: [], thread: { id: 'T1', active: true, order: 1, user_ids: [], events: [] } });
 */
export function applyChat(state: ChatState, wire: WireChat): ChatState {
  if (typeof wire.id !== 'string' || wire.id === '') return state;
  let next = withChat(state, wire.id, (chat) => applyChatFields(chat, wire));
  next = applyUsers(next, Array.isArray(wire.users) ? wire.users : [], wire.id);
  const threads = [...(Array.isArray(wire.threads) ? wire.threads : []), ...(wire.thread ? [wire.thread] : [])];
  for (const thread of threads) {
    if (typeof thread?.id !== 'string') continue;
    next = withChat(next, wire.id, (chat) => withThread(chat, thread.id, (t) => applyThreadFields(t, thread)));
    next = applyEvents(next, wire.id, thread.id, Array.isArray(thread.events) ? thread.events : []);
  }
  return next;
}
