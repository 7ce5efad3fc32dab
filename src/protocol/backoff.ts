/** Longest wait between two reconnect attempts. */
const MAX_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first retry after a drop), per DESIGN §5:
 * the first retry waits a random 0–500 ms (most drops are blips), later ones
 * `random(0.5..1) × min(30 s, 1 s × 2^attempt)`, jittered after the cap so a fleet of widgets that lost
 * the same server does not come back in lockstep. Pure: the caller passes `random` in [0, 1).
 *
 * @example
 * backoff(0, Math.random()); // 0–500 ms
 * backoff(3, 0.5);           // 0.75 × 8 s = 6000 ms
 */
export function backoff(attempt: number, random: number): number {
  return attempt < 1 ? random * 500 : (0.5 + random / 2) * Math.min(MAX_MS, 1000 * 2 ** attempt);
}
