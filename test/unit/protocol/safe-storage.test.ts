import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from '../../../src/protocol/safe-storage';
import { fullStorage, memoryStorage, throwingStorage } from './fake-storage';

afterEach(() => vi.unstubAllGlobals());

describe('safeStorage', () => {
  it('reads and writes JSON through the given storage', () => {
    const backing = memoryStorage({ a: '{"x":1}' });
    const store = safeStorage(backing);
    expect(store.getJson('a')).toEqual({ x: 1 });
    store.setJson('b', [1]);
    expect(backing.data.get('b')).toBe('[1]');
    store.remove('a');
    expect(backing.data.has('a')).toBe(false);
    expect(store.getJson('a')).toBeUndefined();
  });

  it('reads corrupt JSON as undefined', () => {
    expect(safeStorage(memoryStorage({ a: '{not json' })).getJson('a')).toBeUndefined();
  });

  it('falls back to memory when every call throws', () => {
    const store = safeStorage(throwingStorage());
    expect(store.getJson('a')).toBeUndefined();
    store.setJson('a', { kept: true });
    expect(store.getJson('a')).toEqual({ kept: true });
    store.remove('a');
    expect(store.getJson('a')).toBeUndefined();
  });

  it('keeps writes in memory when the storage is full', () => {
    const backing = fullStorage({ old: '"stored earlier"' });
    const store = safeStorage(backing);
    store.setJson('a', 1);
    expect(store.getJson('a')).toBe(1);
    expect(store.getJson('old')).toBe('stored earlier');
    expect(backing.data.has('a')).toBe(false);
  });

  it("reads a shared key from storage first, where the visitor's other tabs write it, and from memory without storage", () => {
    const backing = memoryStorage();
    const mine = safeStorage(backing);
    mine.setJson('a', 'mine');
    backing.data.set('a', '"theirs"');
    expect(mine.getJson('a')).toBe('mine');
    expect(mine.getJson('a', true)).toBe('theirs');
    const alone = safeStorage(throwingStorage());
    alone.setJson('a', 'memory');
    expect(alone.getJson('a', true)).toBe('memory');
  });

  it('uses memory only when given null', () => {
    const store = safeStorage(null);
    store.setJson('a', 1);
    expect(store.getJson('a')).toBe(1);
    expect(localStorage.getItem('a')).toBeNull();
  });

  it('defaults to localStorage', () => {
    safeStorage(undefined).setJson('safe-storage-test', 1);
    expect(localStorage.getItem('safe-storage-test')).toBe('1');
    localStorage.removeItem('safe-storage-test');
  });

  it('survives a localStorage getter that throws (sandboxed iframe)', () => {
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const store = safeStorage(undefined);
    store.setJson('a', 2);
    expect(store.getJson('a')).toBe(2);
  });
});
