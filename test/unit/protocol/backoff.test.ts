import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoff } from '../../../src/protocol/backoff';

describe('backoff', () => {
  it('waits a random 0–500 ms before the first retry', () => {
    expect(backoff(0, 0)).toBe(0);
    expect(backoff(0, 0.5)).toBe(250);
    expect(backoff(0, 0.999)).toBeCloseTo(499.5);
  });

  it('then waits random(0.5..1) × 1 s × 2^attempt', () => {
    expect(backoff(1, 0)).toBe(1000);
    expect(backoff(1, 0.999)).toBeCloseTo(1999);
    expect(backoff(3, 0.5)).toBe(6000);
    expect(backoff(4, 0)).toBe(8000);
  });

  it('caps at 30 s and applies the jitter after the cap', () => {
    expect(backoff(5, 0)).toBe(15_000);
    expect(backoff(5, 0.999)).toBeCloseTo(29_985);
    expect(backoff(50, 0)).toBe(15_000);
    expect(backoff(50, 0.5)).toBe(22_500);
  });

  it('stays within the policy for every attempt and random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const ceiling = Math.min(30_000, 1000 * 2 ** n);
        const ms = backoff(n, r);
        return ms >= ceiling / 2 && ms <= ceiling;
      }),
    );
  });
});
