// @vitest-environment node
// The attached files' bytes in IndexedDB (fake-indexeddb, a spec-following implementation in memory):
// kept and read back, bounded in bytes, and every way IndexedDB fails reads as "not kept".
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileStore } from '../../../src/chat/file-store';

const blob = (text: string, type = 'text/plain') => new Blob([text], { type });
let time = 1000;
const store = (factory: IDBFactory | null | undefined = new IDBFactory(), maxBytes = 100) => fileStore(factory, { maxBytes, now: () => time });

afterEach(() => vi.restoreAllMocks());

describe('fileStore', () => {
  it('keeps a file and reads it back with its type, until deleted', async () => {
    const files = store();
    expect(await files.put('a', blob('hello', 'image/png'))).toBe(true);
    const read = await files.get('a');
    expect(read?.type).toBe('image/png');
    expect(await read?.text()).toBe('hello');
    expect(await files.get('b')).toBeUndefined();
    await files.delete('a');
    expect(await files.get('a')).toBeUndefined();
    files.close();
  });

  it('is one database for every page of the origin: another page reads what this one kept', async () => {
    const factory = new IDBFactory();
    await store(factory).put('a', blob('shared'));
    expect(await (await store(factory).get('a'))?.text()).toBe('shared');
  });

  it('keeps no more than maxBytes in all: a file that would pass it is not kept (a file replacing itself counts once)', async () => {
    const files = store(new IDBFactory(), 10);
    expect(await files.put('a', blob('123456'))).toBe(true);
    expect(await files.put('b', blob('12345'))).toBe(false);
    expect(await files.get('b')).toBeUndefined();
    expect(await files.put('a', blob('1234567890'))).toBe(true);
    await files.delete('a');
    expect(await files.put('b', blob('12345'))).toBe(true);
  });

  it('prunes what was kept before a time and is not wanted any more', async () => {
    const files = store();
    time = 1000;
    await files.put('old-wanted', blob('1'));
    await files.put('old-orphan', blob('2'));
    time = 5000;
    await files.put('new', blob('3'));
    await files.prune((id) => id === 'old-wanted', 2000);
    expect(await files.get('old-wanted')).toBeDefined();
    expect(await files.get('old-orphan')).toBeUndefined();
    expect(await files.get('new')).toBeDefined();
  });

  it('without IndexedDB keeps nothing and never throws', async () => {
    for (const factory of [undefined, null]) {
      const files = fileStore(factory, { maxBytes: 100, now: () => time });
      expect(await files.put('a', blob('x'))).toBe(false);
      expect(await files.get('a')).toBeUndefined();
      await files.delete('a');
      await files.prune(() => false, Infinity);
      files.close();
    }
  });

  it('keeps nothing when opening throws (storage blocked), fails, or is blocked by an older page', async () => {
    const throwing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    const later = (fire: (request: Record<string, () => void>) => void) =>
      ({
        open: () => {
          const request: Record<string, () => void> = {};
          setTimeout(() => fire(request));
          return request;
        },
      }) as unknown as IDBFactory;
    const failing = later((r) => r.onerror!());
    const blocked = later((r) => r.onblocked!());
    for (const factory of [throwing, failing, blocked]) {
      const files = store(factory);
      expect(await files.put('a', blob('x'))).toBe(false);
      expect(await files.get('a')).toBeUndefined();
    }
  });

  it('reads a full disk (QuotaExceededError) as not kept, and keeps working after', async () => {
    const files = store();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await files.put('a', blob('x'))).toBe(false);
    expect(await files.get('a')).toBeUndefined();
    put.mockRestore();
    expect(await files.put('a', blob('x'))).toBe(true);
  });

  it('lets go of the database when a newer page asks for it, and then keeps nothing', async () => {
    const factory = new IDBFactory();
    const files = store(factory);
    expect(await files.put('a', blob('x'))).toBe(true);
    await new Promise<void>((resolve, reject) => {
      const upgrade = factory.open('chatlet-files', 2);
      upgrade.onsuccess = () => {
        upgrade.result.close();
        resolve();
      };
      upgrade.onerror = () => reject(upgrade.error);
    });
    expect(await files.put('b', blob('y'))).toBe(false);
  });
});
