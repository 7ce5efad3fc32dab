import { isObject } from './is-object';
import type { SafeStorage } from './safe-storage';

/**
 * The license's `customer_side_storage` map (protocol-notes §5): the server's notes about this visitor
 * that it wants back at every login. Stored under `side_storage_<licenseId>`; a push replaces the whole
 * map (LiveChat's SDK does not merge either). Values are any JSON (numbers, arrays, nested objects,
 * strings) and go back exactly as the server sent them; a stored value that is not an object, or
 * corrupt JSON, reads as `{}`.
 */
export function sideStorage(store: SafeStorage, licenseId: number) {
  const key = `side_storage_${licenseId}`;
  return {
    read(): Record<string, unknown> {
      const value = store.getJson(key);
      return isObject(value) ? value : {};
    },
    write(map: Record<string, unknown>): void {
      store.setJson(key, map);
    },
  };
}
