// Server pushes that arrive back to back, applied together: a burst of frames received while the
// page was busy becomes one state change and one render instead of one per frame.
import type { Clock } from '../protocol/clock';
import type { PushAction } from './chat-action';

/**
 * Holds pushes until the next macrotask (a timer of 0 ms, which runs after the frames already waiting
 * in the event loop), then hands them to `apply` together. `flush()` hands over what waits at once:
 * the store calls it before anything else reads or changes its state, so order is kept.
 *
 * @example
 * const pushes = pushBatcher(clock, (actions) => batch(() => actions.forEach(applyPush)));
 * client.on('push', (name, payload) => pushes.push({ type: 'push', name, payload } as PushAction));
 */
export function pushBatcher(clock: Clock, apply: (actions: PushAction[]) => void) {
  let waiting: PushAction[] = [];
  let timer: unknown;
  const flush = (): void => {
    if (waiting.length === 0) return;
    clock.clearTimeout(timer);
    const actions = waiting;
    waiting = [];
    apply(actions);
  };
  return {
    push(action: PushAction): void {
      waiting.push(action);
      if (waiting.length === 1) timer = clock.setTimeout(flush, 0);
    },
    flush,
    /** Drops what waits and the timer. */
    dispose(): void {
      clock.clearTimeout(timer);
      waiting = [];
    },
  };
}
