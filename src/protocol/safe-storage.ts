/**
 * The part of the Web Storage API the client uses; `localStorage`, `sessionStorage` or any look-alike.
 *
 * @example
 * const map = new Map<string, string>();
 * const storage: StorageLike = {
 *   getItem: (k) => map.get(k) ?? null,
 *   setItem: (k, v) => void map.set(k, v),
 *   removeItem: (k) => void map.delete(k),
 * };
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Reading `localStorage` itself throws in sandboxed iframes and with cookies blocked. */
function localStorageOrNothing(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A storage that never throws. Every write is also kept in memory, and memory wins on reads, so a
 * missing, full or throwing storage degrades to "remembered for this page" instead of an error. JSON
 * values that do not parse read as `undefined`.
 */
export function safeStorage(storage: StorageLike | null | undefined) {
  const memory = new Map<string, string | null>();
  const backing = storage === undefined ? localStorageOrNothing() : storage;
  const attempt = <T>(fn: (s: StorageLike) => T): T | undefined => {
    try {
      return backing ? fn(backing) : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    getJson(key: string): unknown {
      const raw = memory.has(key) ? memory.get(key) : attempt((s) => s.getItem(key));
      try {
        return raw ? JSON.parse(raw) : undefined;
      } catch {
        return undefined;
      }
    },
    setJson(key: string, value: unknown): void {
      const raw = JSON.stringify(value);
      memory.set(key, raw);
      attempt((s) => s.setItem(key, raw));
    },
    remove(key: string): void {
      memory.set(key, null);
      attempt((s) => s.removeItem(key));
    },
  };
}

/** The object {@link safeStorage} returns. */
export type SafeStorage = ReturnType<typeof safeStorage>;
