// Immutable update of one chat; missing chats are created, so events may arrive before their chat.
import type { ChatRecord, ChatState, ThreadRecord } from './chat-state';

function newChatRecord(id: string): ChatRecord {
  return {
    id,
    active: false,
    lastThreadId: null,
    userIds: [],
    properties: {},
    threads: {},
    threadIds: [],
    seenUpTo: {},
    hasUnreadHint: false,
    history: { loading: false, totalThreads: null, summaries: [] },
  };
}

// A thread without `order` is one the server has not described yet: it arrived live, so it is the newest.
const threadKey = (t: ThreadRecord | undefined) => t?.order ?? Number.POSITIVE_INFINITY;

/** Re-derives thread order, the last thread and `active` after threads changed. */
function settle(chat: ChatRecord): ChatRecord {
  const ids = Object.keys(chat.threads);
  if (ids.length === 0) return chat;
  const previous = new Map(chat.threadIds.map((id, i) => [id, i]));
  const pos = (id: string) => previous.get(id) ?? ids.length;
  ids.sort((a, b) => threadKey(chat.threads[a]) - threadKey(chat.threads[b]) || pos(a) - pos(b));
  const lastThreadId = ids[ids.length - 1]!;
  return { ...chat, threadIds: ids, lastThreadId, active: chat.threads[lastThreadId]!.active };
}

/**
 * Returns `state` with chat `chatId` replaced by `update(chat)` (a fresh record when unknown).
 * Returning the same chat object leaves the state untouched.
 *
 * @example
 * withChat(state, 'PJ0MRSHTDG', (chat) => ({ ...chat, order: 5 }));
 */
export function withChat(state: ChatState, chatId: string, update: (chat: ChatRecord) => ChatRecord): ChatState {
  const before = state.chats[chatId];
  const after = update(before ?? newChatRecord(chatId));
  if (after === before) return state;
  const settled = after.threads === before?.threads && after.lastThreadId === before.lastThreadId ? after : settle(after);
  return {
    ...state,
    chats: { ...state.chats, [chatId]: settled },
    currentChatId: state.currentChatId ?? chatId,
  };
}
