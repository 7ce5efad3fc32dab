// Where server events enter the state: merged into their thread, reconciling our own sends.
import type { ChatEvent } from '../protocol/types';
import type { ChatState, LocalSend } from './chat-state';
import { isEvent, mergeEvents } from './merge-events';
import { withChat } from './with-chat';
import { withThread } from './with-thread';

/** Drops local sends the server now has: same `custom_id`, or the event id its ack named. */
function reconcile(sends: LocalSend[], events: ChatEvent[]): LocalSend[] {
  if (sends.length === 0) return sends;
  const customIds = new Set<string>();
  const ids = new Set<string>();
  for (const e of events) {
    ids.add(e.id);
    if (typeof e.custom_id === 'string') customIds.add(e.custom_id);
  }
  const kept = sends.filter((s) => !customIds.has(s.customId) && !(s.eventId !== undefined && ids.has(s.eventId)));
  return kept.length === sends.length ? sends : kept;
}

/** An author who just wrote has stopped typing. */
function clearTyping(state: ChatState, chatId: string, events: ChatEvent[]): ChatState {
  const typing = state.typing[chatId];
  if (!typing) return state;
  const left = { ...typing };
  let changed = false;
  for (const e of events) {
    if (e.author_id !== undefined && e.author_id in left) {
      delete left[e.author_id];
      changed = true;
    }
  }
  return changed ? { ...state, typing: { ...state.typing, [chatId]: left } } : state;
}

/**
 * Merges server events into a thread (creating the chat and thread when unknown), removes the
 * local sends they confirm and clears their authors' typing indicators. Malformed events are dropped.
 *
 * @example
 * applyEvents(state, 'PJ0MRSHTDG', 'K600PKZON8', [{ id: 'e1', type: 'message', text: 'hi', custom_id: 'c-1' }]);
 */
export function applyEvents(state: ChatState, chatId: string, threadId: string, events: readonly unknown[]): ChatState {
  const valid = events.filter(isEvent);
  if (valid.length === 0) return state;
  let next = withChat(state, chatId, (chat) =>
    withThread(chat, threadId, (thread) => {
      const merged = mergeEvents(thread.events, valid);
      return merged === thread.events ? thread : { ...thread, events: merged };
    }),
  );
  const localSends = reconcile(next.localSends, valid);
  if (localSends !== next.localSends) next = { ...next, localSends };
  return clearTyping(next, chatId, valid);
}
