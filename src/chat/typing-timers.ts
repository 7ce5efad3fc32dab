import type { Clock } from '../protocol/clock';
import type { Change } from './state/change';
import type { ChatState } from './state/chat-state';

/** How long an agent's typing indicator lasts without a refresh (protocol-notes §8: `is_typing: false` may never come). */
export const TYPING_TIMEOUT_MS = 20_000;

/**
 * After each `typing_changed`, (re)starts that author's timer, which expires exactly the revision it
 * was started for, so a newer indicator is never cut short.
 */
export function typingTimers(clock: Clock, getState: () => ChatState, dispatch: (change: Change) => void) {
  const timers = new Map<string, unknown>();
  return {
    follow(change: Change): void {
      if (change.type !== 'typing_changed') return;
      const { chatId, authorId } = change;
      const key = `${chatId}\n${authorId}`;
      clock.clearTimeout(timers.get(key));
      timers.delete(key);
      const revision = getState().typing[chatId]?.[authorId];
      if (revision === undefined) return;
      const expire = () => {
        timers.delete(key);
        dispatch({ type: 'typing_expired', chatId, authorId, revision });
      };
      timers.set(key, clock.setTimeout(expire, TYPING_TIMEOUT_MS));
    },
    dispose(): void {
      for (const timer of timers.values()) clock.clearTimeout(timer);
      timers.clear();
    },
  };
}
