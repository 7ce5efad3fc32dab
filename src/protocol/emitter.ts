/**
 * A minimal typed event emitter. A throwing listener is logged and never stops the others, so one
 * broken handler cannot break the frame loop.
 */
export function emitter<Events extends Record<string, unknown[]>>() {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<keyof Events, Set<Listener>>();
  return {
    /** Adds a listener; returns the function that removes it. */
    on<K extends keyof Events>(name: K, fn: (...args: Events[K]) => void): () => void {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const listener = fn as Listener;
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit<K extends keyof Events>(name: K, ...args: Events[K]): void {
      for (const fn of [...(listeners.get(name) ?? [])]) {
        try {
          fn(...args);
        } catch (error) {
          console.error(error);
        }
      }
    },
    /** Removes every listener. */
    clear(): void {
      listeners.clear();
    },
  };
}
