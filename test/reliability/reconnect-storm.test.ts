// A reconnect storm, simulated: 10,000 widgets lose the server at the same moment and retry with
// `backoff()` until it is back. Jitter must spread them out: in every round of retries at the
// backoff cap no 250 ms window holds more than 10 % of that round, and no window holds more than
// 10 % of the reconnections that follow the server's return.
import { describe, expect, it } from 'vitest';
import { backoff } from '../../src/protocol/backoff';
import { mulberry32 } from './mulberry32';

const CLIENTS = 10_000;
const BUCKET_MS = 250;
const CAP_ATTEMPT = 5; // 1 s × 2^5 ≥ 30 s: from here on every wait is jitter × the cap
const DOWN_MS = 5 * 60_000;

interface Storm {
  /** When each retry at the cap fired, by round (the n-th retry at the cap of every client). */
  atCap: number[][];
  /** When each client got through after the server came back. */
  back: number[];
  retries: number;
}

/** Every client retries with `wait(attempt, random)` while the server is down (the first `DOWN_MS`). */
function storm(wait: (attempt: number, random: number) => number, seed = 7): Storm {
  const random = mulberry32(seed);
  const result: Storm = { atCap: [], back: [], retries: 0 };
  for (let client = 0; client < CLIENTS; client++) {
    let t = 0;
    for (let attempt = 0; ; attempt++) {
      t += wait(attempt, random());
      result.retries++;
      if (t >= DOWN_MS) {
        result.back.push(t);
        break;
      }
      if (attempt >= CAP_ATTEMPT) (result.atCap[attempt - CAP_ATTEMPT] ??= []).push(t);
    }
  }
  return result;
}

/** The largest share of `times` that falls into one 250 ms window. */
function busiestShare(times: readonly number[]): number {
  const buckets = new Map<number, number>();
  for (const t of times) {
    const b = Math.floor(t / BUCKET_MS);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  return Math.max(...buckets.values()) / times.length;
}

/** The busiest share over the rounds at the cap that every client took part in. */
const busiestRound = (rounds: number[][]) => Math.max(...rounds.filter((r) => r.length === CLIENTS).map(busiestShare));

describe('reconnect storm (10,000 clients)', () => {
  it('spreads retries at the cap and the return of the fleet over time', () => {
    const { atCap, back, retries } = storm(backoff);
    const share = { atCap: busiestRound(atCap), back: busiestShare(back) };
    const full = atCap.filter((r) => r.length === CLIENTS).length;
    console.log(
      `reconnect storm: ${CLIENTS} clients, ${retries} retries, ${full} full rounds at the cap; busiest 250 ms window: ` +
        `${(share.atCap * 100).toFixed(2)} % of a round at the cap, ${(share.back * 100).toFixed(2)} % of the reconnections`,
    );
    expect(full).toBeGreaterThanOrEqual(5);
    expect(share.atCap).toBeLessThanOrEqual(0.1);
    expect(share.back).toBeLessThanOrEqual(0.1);
  });

  it('would fail without the jitter after the cap (the check can tell)', () => {
    const capped = (attempt: number, random: number) => (attempt < 1 ? random * 500 : Math.min(30_000, 1000 * 2 ** attempt));
    expect(busiestRound(storm(capped).atCap)).toBeGreaterThan(0.1);
  });
});
