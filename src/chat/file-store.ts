// The bytes of the files waiting in the outbox, kept in IndexedDB so they survive a reload (the
// outbox itself, in localStorage, keeps only their names and sizes). Every failure (no IndexedDB,
// an upgrade blocked by an old tab, a full disk, a private mode that refuses) reads as "not kept":
// the file is still sent from memory, and after a reload the visitor is asked to attach it again.

const DB = 'chatlet-files';
const STORE = 'files';

interface Row {
  id: string;
  blob: Blob;
  size: number;
  /** ms since epoch, when kept. */
  at: number;
}

/** What {@link fileStore} needs. */
export interface FileStoreOptions {
  /** Total bytes kept at most, across the visitor's tabs; a file that would pass it is not kept. */
  maxBytes: number;
  now(): number;
}

/** The object {@link fileStore} returns. */
export interface FileStore {
  /** Keeps `blob` under `id`; resolves whether it was kept. */
  put(id: string, blob: Blob): Promise<boolean>;
  get(id: string): Promise<Blob | undefined>;
  delete(id: string): Promise<void>;
  /** Deletes the files kept before `before` (ms) whose id `keep` refuses: what a closed tab left. */
  prune(keep: (id: string) => boolean, before: number): Promise<void>;
  close(): void;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * The files kept in IndexedDB (`factory`, the browser's `indexedDB`; a fake in tests), opened on
 * first use. With `factory` missing, or whenever it fails, nothing is kept and nothing throws.
 */
export function fileStore(factory: IDBFactory | null | undefined, o: FileStoreOptions): FileStore {
  let opening: Promise<IDBDatabase | null> | undefined;
  const open = () =>
    (opening ??= new Promise<IDBDatabase | null>((resolve) => {
      if (!factory) return resolve(null);
      try {
        const request = factory.open(DB, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
        request.onsuccess = () => {
          const db = request.result;
          // Another page that needs a newer version asks us to let go.
          db.onversionchange = () => db.close();
          resolve(db);
        };
        request.onerror = () => resolve(null);
        // An older page holds the database open and does not let go: carry on without it.
        request.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    }));

  /** Runs `fn` in a transaction and resolves with its result once committed; `fallback` on any failure. */
  const run = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => Promise<T>, fallback: T): Promise<T> => {
    try {
      const db = await open();
      if (!db) return fallback;
      const tx = db.transaction(STORE, mode);
      const committed = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = tx.onerror = () => reject(tx.error);
      });
      const result = await fn(tx.objectStore(STORE));
      await committed;
      return result;
    } catch {
      return fallback;
    }
  };

  return {
    put: (id, blob) =>
      run(
        'readwrite',
        async (store) => {
          const rows = await done(store.getAll() as IDBRequest<Row[]>);
          const used = rows.reduce((n, r) => n + (r.id === id ? 0 : r.size), 0);
          if (used + blob.size > o.maxBytes) {
            store.transaction.abort();
            return false;
          }
          await done(store.put({ id, blob, size: blob.size, at: o.now() } satisfies Row));
          return true;
        },
        false,
      ),
    get: (id) => run('readonly', async (store) => ((await done(store.get(id))) as Row | undefined)?.blob, undefined),
    delete: (id) => run('readwrite', async (store) => void (await done(store.delete(id))), undefined),
    prune: (keep, before) =>
      run(
        'readwrite',
        async (store) => {
          for (const row of (await done(store.getAll())) as Row[]) if (row.at < before && !keep(row.id)) store.delete(row.id);
        },
        undefined,
      ),
    close() {
      void opening?.then((db) => db?.close());
    },
  };
}
