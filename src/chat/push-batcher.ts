import type { Clock } from '../protocol/clock';
import type { Change } from './state/change';

/**
 * Holds the changes of pushes that arrive back to back until the next macrotask (a 0 ms timer runs
 * after the frames already waiting), then hands them to `apply` together: a burst received while the
 * page was busy becomes one state change and one render. `flush()` hands over what waits at once; the
 * store calls it before anything else reads or changes its state, so order is kept.
 */
export function pushBatcher(clock: Clock, apply: (changes: Change[]) => void) {
  let waiting: Change[] = [];
  let timer: unknown;
  const flush = (): void => {
    if (waiting.length === 0) return;
    clock.clearTimeout(timer);
    const changes = waiting;
    waiting = [];
    apply(changes);
  };
  return {
    push(changes: Change[]): void {
      if (waiting.length === 0) timer = clock.setTimeout(flush, 0);
      waiting.push(...changes);
    },
    flush,
    dispose(): void {
      clock.clearTimeout(timer);
      waiting = [];
    },
  };
}
