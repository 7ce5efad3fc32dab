import type { ChatEvent } from '../../protocol/types';
import type { ChatState } from './chat-state';
import { withChat } from './with-chat';
import { withThread } from './with-thread';

/**
 * `state` with one event replaced by `update(event)`. An event that is not held (nor its thread:
 * a made-up thread would look active) changes nothing.
 */
export function withEvent(state: ChatState, chatId: string, threadId: string, eventId: string, update: (event: ChatEvent) => ChatEvent): ChatState {
  const events = state.chats[chatId]?.threads[threadId]?.events;
  const at = events ? events.findIndex((e) => e.id === eventId) : -1;
  if (at < 0) return state;
  const updated = update(events![at]!);
  if (updated === events![at]) return state;
  return withChat(state, chatId, (chat) =>
    withThread(chat, threadId, (thread) => {
      const next = thread.events.slice();
      next[at] = updated;
      return { ...thread, events: next };
    }),
  );
}
