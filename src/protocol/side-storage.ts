import type { SafeStorage } from './safe-storage';

/**
 * The license's `customer_side_storage` map (protocol-notes §5): the server's notes about this visitor
 * that it wants back at every login. Stored under `side_storage_<licenseId>`; a push replaces the whole
 * map (LiveChat's SDK does not merge either). A missing or corrupt value reads as `{}`, and only string
 * values survive, because that is all the server ever sends.
 *
 * @example
 * const side = sideStorage(safeStorage(undefined), 12345);
 * side.write({ customer_visits: '1' });
 * side.read(); // { customer_visits: '1' }
 */
export function sideStorage(store: SafeStorage, licenseId: number) {
  const key = `side_storage_${licenseId}`;
  return {
    read(): Record<string, string> {
      const value = store.getJson(key);
      const map: Record<string, string> = {};
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') map[k] = v;
      }
      return map;
    },
    write(map: Record<string, string>): void {
      store.setJson(key, map);
    },
  };
}
