import { describe, expect, it } from 'vitest';
import { safeStorage } from '../../../src/protocol/safe-storage';
import { sideStorage } from '../../../src/protocol/side-storage';
import { memoryStorage, throwingStorage } from './fake-storage';

describe('sideStorage', () => {
  it('stores the map under side_storage_<licenseId> and reads it back', () => {
    const backing = memoryStorage();
    const side = sideStorage(safeStorage(backing), 42);
    side.write({ customer_visits: '1' });
    expect(backing.data.get('side_storage_42')).toBe('{"customer_visits":"1"}');
    expect(side.read()).toEqual({ customer_visits: '1' });
  });

  it('replaces the whole map on write', () => {
    const side = sideStorage(safeStorage(memoryStorage()), 42);
    side.write({ a: '1', b: '2' });
    side.write({ c: '3' });
    expect(side.read()).toEqual({ c: '3' });
  });

  it.each([
    ['missing', undefined],
    ['corrupt', '{"a":'],
    ['an array', '["a"]'],
    ['a string', '"a"'],
    ['null', 'null'],
    ['a number', '7'],
  ])('reads %s values as {}', (_, raw) => {
    const side = sideStorage(safeStorage(memoryStorage(raw === undefined ? {} : { side_storage_42: raw })), 42);
    expect(side.read()).toEqual({});
  });

  it('keeps every JSON value as it was written: numbers, arrays, nested objects, null, strings', () => {
    const backing = memoryStorage();
    const map = { visits: 2, tags: ['vip'], flags: { a: true }, none: null, note: 'x' };
    sideStorage(safeStorage(backing), 42).write(map);
    // A new page: a fresh wrapper over the same storage.
    expect(sideStorage(safeStorage(backing), 42).read()).toEqual(map);
  });

  it('works in memory when storage throws', () => {
    const side = sideStorage(safeStorage(throwingStorage()), 42);
    side.write({ a: '1' });
    expect(side.read()).toEqual({ a: '1' });
  });
});
