/**
 * Resolves in a later task, so that work split at these points gives the page a turn in between
 * (input, rendering, network) instead of holding the main thread in one long task. A plain
 * `setTimeout`, not `scheduler.yield()`: a yield's continuation goes ahead of other queued work, and
 * while the chat opens that work is its own network chain (token, socket, login, prechat form),
 * which would then wait for every stage of the render.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
