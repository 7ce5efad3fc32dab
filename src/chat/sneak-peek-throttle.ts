// Sneak peeks show agents what the visitor is typing; a trailing throttle keeps that to one request
// per interval and always ends on the latest text (protocol-notes §8 [REC]).
import type { Clock } from '../protocol/clock';

/**
 * `update(text)` on every keystroke sends the latest text at most once per `intervalMs` (trailing);
 * clearing the input sends `""` the same way. `clear()` (after the message was sent) cancels what
 * is waiting and sends `""` at once if agents were last shown some text. Unchanged text is not resent.
 * `send` returns whether the text went out (no active chat: it did not, and is tried again later).
 *
 * @example
 * const peek = createSneakPeekThrottle({ clock: systemClock, send: (text) => (void client.sendSneakPeek({ chat_id, sneak_peek_text: text }), true) });
 * input.oninput = () => peek.update(input.value);
 */
export function createSneakPeekThrottle(options: { clock: Clock; send: (text: string) => boolean; intervalMs?: number }) {
  const { clock, send } = options;
  const interval = options.intervalMs ?? 300;
  let latest = '';
  let shown = '';
  let timer: unknown;
  let waiting = false;

  const flush = () => {
    waiting = false;
    if (latest !== shown && send(latest)) shown = latest;
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
    dispose(): void {
      cancel();
    },
  };
}

/**
 * The object {@link createSneakPeekThrottle} returns.
 *
 * @example
 * const onSent = (peek: SneakPeekThrottle) => peek.clear();
 */
export type SneakPeekThrottle = ReturnType<typeof createSneakPeekThrottle>;
