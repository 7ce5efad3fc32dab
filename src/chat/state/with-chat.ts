import type { ChatRecord, ChatState, ThreadRecord } from './chat-state';

const newChat = (id: string): ChatRecord => ({
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
});

// A thread without `order` is one the server has not described yet: it arrived live, so it is the newest.
const threadKey = (t: ThreadRecord | undefined) => t?.order ?? Number.POSITIVE_INFINITY;

/** Re-derives the thread order, the last thread and `active` after the threads changed. */
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
 * `state` with chat `chatId` replaced by `update(chat)`; an unknown chat starts empty, so events may
 * arrive before their chat. The first chat known becomes the current one.
 */
export function withChat(state: ChatState, chatId: string, update: (chat: ChatRecord) => ChatRecord): ChatState {
  const before = state.chats[chatId];
  const after = update(before ?? newChat(chatId));
  if (after === before) return state;
  const settled = after.threads === before?.threads && after.lastThreadId === before.lastThreadId ? after : settle(after);
  return { ...state, chats: { ...state.chats, [chatId]: settled }, currentChatId: state.currentChatId ?? chatId };
}
