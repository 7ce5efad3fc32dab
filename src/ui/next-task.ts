type Scheduler = { yield?: () => Promise<void> };

/**
 * Resolves in a later task, so that work split at these points gives the page a turn in between
 * (input, rendering) instead of holding the main thread in one long task. Uses `scheduler.yield()`
 * where the browser has it (the continuation goes ahead of other queued work), else `setTimeout`.
 *
 * @example
 * addStyles(css);
 * await nextTask();
 * render(app, container);
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
