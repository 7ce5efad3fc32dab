// The seeded PRNG of the reliability suites: the same seed gives the same schedule on every run.

/**
 * mulberry32: a tiny 32-bit PRNG, good enough to pick fault schedules and jitter, returning
 * numbers in [0, 1) like `Math.random`.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, on every run
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A whole number in [min, max] from `random`.
 *
 * @example
 * between(mulberry32(1), 3, 5); // 3, 4 or 5
 */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
