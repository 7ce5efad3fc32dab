// Storage doubles: a working in-memory Storage, and ones that throw the way real browsers do.
import type { StorageLike } from '../../../src/protocol/safe-storage';

/** A working storage whose contents the test can inspect. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A storage where every call throws (Safari private mode, blocked cookies). */
export function throwingStorage(): StorageLike {
  const deny = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return { getItem: deny, setItem: deny, removeItem: deny };
}

/** A full storage: reads work, writes throw `QuotaExceededError`. */
export function fullStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const s = memoryStorage(initial);
  return {
    ...s,
    setItem: () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    },
  };
}
