// Agents' typing indicators expire on their own if `is_typing: false` never comes (protocol-notes §8).
import type { PushAction } from './chat-action';
import type { StoreContext } from './store-context';

/**
 * How long an indicator lasts without a refresh.
 *
 * @example
 * vi.advanceTimersByTime(TYPING_TIMEOUT_MS); // the indicator is gone
 */
export const TYPING_TIMEOUT_MS = 20_000;

/**
 * After each `incoming_typing_indicator`, (re)starts that author's timer; when it fires it expires
 * exactly the revision it was started for, so a newer indicator is never cut short.
 *
 * @example
 * const timers = typingTimers(ctx);
 * timers.follow(action); // after reducing a push
 * timers.dispose();
 */
export function typingTimers(ctx: StoreContext) {
  const timers = new Map<string, unknown>();
  return {
    follow(action: PushAction): void {
      if (action.name !== 'incoming_typing_indicator') return;
      const chatId = action.payload?.chat_id;
      const authorId = action.payload?.typing_indicator?.author_id;
      if (typeof chatId !== 'string' || typeof authorId !== 'string') return;
      const key = `${chatId}\n${authorId}`;
      ctx.clock.clearTimeout(timers.get(key));
      timers.delete(key);
      const revision = ctx.getState().typing[chatId]?.[authorId];
      if (revision === undefined) return;
      timers.set(
        key,
        ctx.clock.setTimeout(() => {
          timers.delete(key);
          ctx.dispatch({ type: 'typing_timeout', chatId, authorId, revision });
        }, TYPING_TIMEOUT_MS),
      );
    },
    dispose(): void {
      for (const timer of timers.values()) ctx.clock.clearTimeout(timer);
      timers.clear();
    },
  };
}
