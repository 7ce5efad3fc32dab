import type { ChatRecord } from './state/chat-state';
import { eventTime } from './state/event-time';
import { selectCurrentChat, selectUnreadCount } from './state/selectors';
import type { StoreInternals } from './store-internals';

// Events are sorted, so the newest time is the last one found.
function newestOf(chat: ChatRecord): number {
  const events = chat.threads[chat.lastThreadId ?? '']?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const at = eventTime(events[i]!);
    if (at !== null) return at;
  }
  return 0;
}

/**
 * Returns `mark()`: when the chat is visible and something is unread, the visitor's read receipt
 * moves to the newest event at once (the badge never flickers) and the server is told with
 * `update_last_seen_timestamp`. Calls while one request runs fold into one follow-up, which tells
 * the server about what arrived meanwhile.
 */
export function seenMarker(s: StoreInternals, isVisible: () => boolean): () => void {
  let running = false;
  let again = false;
  const tell = (chatId: string): void => {
    if (running) return void (again = true);
    running = true;
    const request = { chat_id: chatId };
    s.channel
      .request('update_last_seen_timestamp', request)
      // A lost read receipt only leaves a badge: the next visible moment marks again.
      .then((reply) => s.dispatchReply('update_last_seen_timestamp', request, reply), () => undefined)
      .finally(() => {
        running = false;
        const chat = selectCurrentChat(s.getState());
        if (again && chat) tell(chat.id);
        again = false;
      });
  };
  return () => {
    const state = s.getState();
    const chat = selectCurrentChat(state);
    if (!chat || !isVisible() || selectUnreadCount(state) === 0) return;
    const newest = newestOf(chat);
    if (newest > 0) s.dispatch({ type: 'seen_updated', chatId: chat.id, seenUpTo: newest });
    tell(chat.id);
  };
}
