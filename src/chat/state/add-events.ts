import type { ChatEvent } from '../../protocol/types';
import type { ChatState, OutboxEntry } from './chat-state';
import type { Change } from './change';
import { mergeEvents } from './merge-events';
import { withChat } from './with-chat';
import { withThread } from './with-thread';

/** The outbox without the entries these events confirm: same `custom_id`, or the event id an ack named. */
function confirmed(outbox: OutboxEntry[], events: ChatEvent[]): OutboxEntry[] {
  if (outbox.length === 0) return outbox;
  const customIds = new Set<string>();
  const ids = new Set<string>();
  for (const e of events) {
    ids.add(e.id);
    if (typeof e.custom_id === 'string') customIds.add(e.custom_id);
  }
  const kept = outbox.filter((s) => !customIds.has(s.customId) && !(s.eventId !== undefined && ids.has(s.eventId)));
  return kept.length === outbox.length ? outbox : kept;
}

/** An author who just wrote has stopped typing. */
function stopTyping(state: ChatState, chatId: string, events: ChatEvent[]): ChatState {
  const typing = state.typing[chatId];
  if (!typing || !events.some((e) => e.author_id !== undefined && e.author_id in typing)) return state;
  const left = { ...typing };
  for (const e of events) if (e.author_id !== undefined) delete left[e.author_id];
  return { ...state, typing: { ...state.typing, [chatId]: left } };
}

/**
 * Merges the server's events into their thread (the chat's last one when the change names none),
 * drops the outbox entries they confirm and clears their authors' typing.
 */
export function addEvents(state: ChatState, change: Extract<Change, { type: 'events_added' }>): ChatState {
  const { chatId, events } = change;
  const threadId = change.threadId ?? state.chats[chatId]?.lastThreadId;
  if (!threadId || events.length === 0) return state;
  let next = withChat(state, chatId, (chat) =>
    withThread(chat, threadId, (thread) => {
      const merged = mergeEvents(thread.events, events);
      return merged === thread.events ? thread : { ...thread, events: merged };
    }),
  );
  const outbox = confirmed(next.outbox, events);
  if (outbox !== next.outbox) next = { ...next, outbox };
  return stopTyping(next, chatId, events);
}
