import type { ChatRecord, ThreadRecord } from './chat-state';

/**
 * `chat` with thread `threadId` replaced by `update(thread)`. An unknown thread starts active and
 * without `order` (it arrived live); returning the same thread leaves the chat untouched.
 */
export function withThread(chat: ChatRecord, threadId: string, update: (thread: ThreadRecord) => ThreadRecord): ChatRecord {
  const before = chat.threads[threadId];
  const after = update(before ?? { id: threadId, active: true, properties: {}, events: [] });
  if (after === before) return chat;
  return { ...chat, threads: { ...chat.threads, [threadId]: after } };
}
