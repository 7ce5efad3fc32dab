// Read receipts: `update_last_seen_timestamp` while the visitor can see the chat, never more than one in flight.
import type { ChatEvent } from '../protocol/types';
import { selectCurrentChat, selectUnreadCount } from './selectors';
import type { StoreContext } from './store-context';

function latestTime(events: ChatEvent[]): number {
  let latest = 0;
  for (const e of events) {
    const at = typeof e.created_at === 'string' ? Date.parse(e.created_at) : typeof e.timestamp === 'number' ? e.timestamp * 1000 : NaN;
    if (at > latest) latest = at;
  }
  return latest;
}

/**
 * Returns `mark()`, which tells the server the visitor has seen the current chat when the panel is
 * visible and something is unread. Calls while a request runs are folded into one follow-up. The
 * receipt stored locally is at least the newest event's time, so a server answer in whole seconds
 * cannot leave an event of the same second unread.
 *
 * @example
 * const mark = seenMarker(ctx, () => panelVisible);
 * mark();
 */
export function seenMarker(ctx: StoreContext, isVisible: () => boolean): () => void {
  let running = false;
  let again = false;
  const mark = (): void => {
    const state = ctx.getState();
    const chat = selectCurrentChat(state);
    if (!chat || !isVisible() || !ctx.isSynced() || selectUnreadCount(state) === 0) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const newest = latestTime(chat.threadIds.flatMap((id) => chat.threads[id]?.events ?? []));
    ctx.client.request('update_last_seen_timestamp', { chat_id: chat.id }).then(
      (r) => {
        const server = typeof r?.timestamp === 'number' ? r.timestamp * 1000 : ctx.clock.now();
        ctx.dispatch({ type: 'seen_marked', chatId: chat.id, seenUpTo: Math.max(server, newest) });
      },
      // A lost read receipt only leaves a badge; the next visible moment marks again.
      () => undefined,
    ).finally(() => {
      running = false;
      if (again) {
        again = false;
        mark();
      }
    });
  };
  return mark;
}
