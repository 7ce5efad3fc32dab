/**
 * Time as the client sees it; injected so tests (and other runtimes) control it.
 *
 * @example
 * const clock: Clock = { now: () => performance.now(), setTimeout, clearTimeout: (id) => clearTimeout(id as number) };
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The real clock. It looks the globals up on every call, so fake timers installed later still apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};
