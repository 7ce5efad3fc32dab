// Read receipts (`client.markChatSeen`) while the visitor can see the chat, never more than one in flight.
import type { ChatRecord } from './chat-state';
import { selectCurrentChat, selectUnreadCount } from './selectors';
import type { StoreContext } from './store-context';

// Events are sorted, so the newest time is the last one that has a time.
function newestOf(chat: ChatRecord): number {
  const events = chat.threads[chat.lastThreadId ?? '']?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    const at = typeof e.created_at === 'string' ? Date.parse(e.created_at) : typeof e.timestamp === 'number' ? e.timestamp * 1000 : NaN;
    if (!Number.isNaN(at)) return at;
  }
  return 0;
}

/**
 * Returns `mark()`, which tells the server the visitor has seen the current chat when the panel is
 * visible and something is unread. The local receipt moves to the newest event at once (the visitor
 * sees it), and never below it when the server answers in whole seconds. Calls while a request runs
 * are folded into one follow-up.
 *
 * @example
 * const mark = seenMarker(ctx, () => panelVisible);
 * mark();
 */
export function seenMarker(ctx: StoreContext, isVisible: () => boolean): () => void {
  let running = false;
  let again = false;
  const tell = (chatId: string, newest: number): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    // The client picks the method its server speaks (protocol-notes §9); without a timed event, up to now.
    ctx.client.markChatSeen(chatId, newest || ctx.clock.now()).then(
      (server) => ctx.dispatch({ type: 'seen_marked', chatId, seenUpTo: Math.max(server, newest) }),
      // A lost read receipt only leaves a badge; the next visible moment marks again.
      () => undefined,
    ).finally(() => {
      running = false;
      if (!again) return;
      again = false;
      const chat = selectCurrentChat(ctx.getState());
      if (chat && ctx.isSynced()) tell(chat.id, newestOf(chat));
    });
  };
  return () => {
    const state = ctx.getState();
    const chat = selectCurrentChat(state);
    if (!chat || !isVisible() || !ctx.isSynced() || selectUnreadCount(state) === 0) return;
    const newest = newestOf(chat);
    // The visitor is looking at these events now: count them seen at once, so the badge never flickers.
    if (newest > 0) ctx.dispatch({ type: 'seen_marked', chatId: chat.id, seenUpTo: newest });
    tell(chat.id, newest);
  };
}
