import type { Clock } from './clock';

/** Ping cadence after login (protocol-notes §1). */
export const PING_EVERY_MS = 15_000;
/** A link that has been silent this long is dead (DESIGN §5). */
export const DEAD_AFTER_MS = 30_000;

/**
 * Keeps a logged-in link alive and notices when it died: sends a ping every 15 s and calls `onDead`
 * once no frame has arrived for 30 s. Browsers cannot send control-frame pings, and a half-open TCP
 * link raises no `close` for minutes, so silence is the only reliable signal.
 */
export function heartbeat(clock: Clock, ping: () => void, onDead: () => void) {
  let last = clock.now();
  let pingTimer: unknown;
  let deadTimer: unknown;

  const tick = () => {
    ping();
    pingTimer = clock.setTimeout(tick, PING_EVERY_MS);
  };
  // Re-arms for the remaining silence instead of resetting a timer on every frame.
  const check = () => {
    const silent = clock.now() - last;
    if (silent >= DEAD_AFTER_MS) onDead();
    else deadTimer = clock.setTimeout(check, DEAD_AFTER_MS - silent);
  };
  pingTimer = clock.setTimeout(tick, PING_EVERY_MS);
  deadTimer = clock.setTimeout(check, DEAD_AFTER_MS);

  return {
    /** A frame arrived: the link is alive. */
    seen(): void {
      last = clock.now();
    },
    /** Checks now, e.g. when a tab wakes up and its throttled timers may not have run. */
    check(): void {
      clock.clearTimeout(deadTimer);
      check();
    },
    stop(): void {
      clock.clearTimeout(pingTimer);
      clock.clearTimeout(deadTimer);
    },
  };
}

/** The object {@link heartbeat} returns. */
export type Heartbeat = ReturnType<typeof heartbeat>;
