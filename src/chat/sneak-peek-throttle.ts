// Sneak peeks show agents what the visitor is typing; a trailing throttle keeps that to one request
// per interval and always ends on the latest text (protocol-notes §8 [REC]).
import type { Clock } from '../protocol/clock';

/**
 * `update(text)` on every keystroke sends the latest text at most once per `intervalMs` (trailing);
 * clearing the input sends `""` the same way. `clear()` (after the message was sent) cancels what
 * is waiting and sends `""` at once if agents were last shown some text. Unchanged text is not resent.
 *
 * @example
 * const peek = createSneakPeekThrottle({ clock: systemClock, send: (text) => client.sendSneakPeek({ chat_id, sneak_peek_text: text }) });
 * input.oninput = () => peek.update(input.value);
 */
export function createSneakPeekThrottle(options: { clock: Clock; send: (text: string) => void; intervalMs?: number }) {
  const { clock, send } = options;
  const interval = options.intervalMs ?? 300;
  let latest = '';
  let shown = '';
  let timer: unknown;
  let waiting = false;

  const flush = () => {
    waiting = false;
    if (latest === shown) return;
    shown = latest;
    send(latest);
  };
  const cancel = () => {
    if (waiting) clock.clearTimeout(timer);
    waiting = false;
  };

  return {
    update(text: string): void {
      latest = text;
      if (waiting) return;
      waiting = true;
      timer = clock.setTimeout(flush, interval);
    },
    clear(): void {
      cancel();
      latest = '';
      flush();
    },
    /** Forgets what was shown, e.g. when the chat changed; sends nothing. */
    reset(): void {
      cancel();
      latest = shown = '';
    },
    dispose(): void {
      cancel();
    },
  };
}

/** The object {@link createSneakPeekThrottle} returns. */
export type SneakPeekThrottle = ReturnType<typeof createSneakPeekThrottle>;
