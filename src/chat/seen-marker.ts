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
 * moves to the newest event at once (the badge never flickers) and the server is told with the
 * client's `markChatSeen`, which picks the method its server speaks (protocol-notes §9). Calls while
 * one runs fold into one follow-up, which tells the server about what arrived meanwhile.
 */
export function seenMarker(s: StoreInternals, isVisible: () => boolean): () => void {
  let running = false;
  let again = false;
  const tell = (chatId: string): void => {
    if (running) return void (again = true);
    running = true;
    const chat = s.getState().chats[chatId];
    // Without a timed event, up to now; never below what the visitor saw when the server counts in whole seconds.
    const newest = chat ? newestOf(chat) : 0;
    s.channel
      .send(() => s.client.markChatSeen(chatId, newest || s.clock.now()))
      .then(
        (server) => s.dispatch({ type: 'seen_updated', chatId, seenUpTo: Math.max(server, newest) }),
        // A lost read receipt only leaves a badge: the next visible moment marks again.
        () => undefined,
      )
      .finally(() => {
        running = false;
        const current = selectCurrentChat(s.getState());
        if (again && current) tell(current.id);
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
