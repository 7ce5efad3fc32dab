import type { Clock } from '../protocol/clock';

/**
 * Sneak peeks show agents what the visitor is typing: `update(text)` on every keystroke sends the
 * latest text at most once per `intervalMs`, trailing, so it always ends on the latest (protocol-notes
 * §8). `clear()` (the message was sent) cancels what waits and sends `""` at once if agents were last
 * shown some text. `send` returns whether the text went out (no active chat: tried again later).
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
