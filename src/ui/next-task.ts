type Scheduler = { yield?: () => Promise<void> };

/**
 * Resolves in a later task, so that work split at these points gives the page a turn in between
 * (input, rendering) instead of holding the main thread in one long task. Uses `scheduler.yield()`
 * where the browser has it (the continuation goes ahead of other queued work), else a
 * MessageChannel message, which unlike `setTimeout(0)` is never clamped to 4 ms.
 *
 * @example
 * addStyles(css);
 * await nextTask();
 * render(app, container);
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}
