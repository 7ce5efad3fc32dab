// The files the visitor attached, from their bytes to their upload. Loaded with the first file (or
// when the page starts with files waiting in the outbox), so a visitor who never attaches one does
// not load it, nor the upload's code.
import { effect, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { backoff } from '../protocol/backoff';
import { RtmError } from '../protocol/rtm-error';
import { uploadFile, type UploadedFile, type UploadOptions, type XhrConstructor } from '../protocol/upload-file';
import { errorInfo } from './error-info';
import { fileStore, type FileStore } from './file-store';
import type { OutboxEntry } from './state/chat-state';
import type { StoreInternals } from './store-internals';

/** Sends one file's bytes to `upload_file` and resolves with its URL (protocol/upload-file.ts). */
export type Upload = (file: Blob, options: UploadOptions) => Promise<UploadedFile>;

/** What {@link createAttachments} needs besides the store's internals. */
export interface AttachmentsOptions {
  /** The state's outbox entries: a file that leaves them is forgotten (bytes, preview, stored copy). */
  entries: ReadonlySignal<OutboxEntry[]>;
  /**
   * The bytes of the files this page attached, by custom_id, shared with the actions, which add them
   * as the visitor attaches (before this module is loaded). An entry without bytes here was restored.
   */
  blobs: Map<string, Blob>;
  /** Each uploading file's progress, 0 to 1, by custom_id: owned here, read by the UI. */
  progress: Signal<Record<string, number>>;
  /** An object URL per image waiting in the outbox, for its thumbnail: owned here, revoked here. */
  previews: Signal<Record<string, string>>;
  /** Runs the sender again (after a retry's wait). */
  run(): void;
  /** Where the bytes survive a reload: default IndexedDB (`globalThis.indexedDB`), bounded. */
  files?: FileStore;
  /** Default: `upload_file` through the client's `uploadAccess` and the browser's XMLHttpRequest. */
  upload?: Upload;
  random?: () => number;
}

// Thumbnails only for what every browser shows as an image, never SVG (it is a document with scripts).
const IMAGE = /^image\/(png|jpeg|gif|webp)$/;
/** Bytes kept across reloads at most, for all of the visitor's tabs. */
const MAX_STORED = 50 * 1024 * 1024;
/** Uploads that could not reach the server are tried again this often before the visitor is asked to. */
const RETRIES = 4;
/** A stored file no outbox knows after this long was left by a tab that is gone. */
const ORPHAN_MS = 24 * 3600_000;

function browserIndexedDb(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB;
  } catch {
    // Some browsers throw on the property itself where storage is blocked.
    return undefined;
  }
}

/**
 * The attached files' bytes (in memory, and in IndexedDB to survive a reload), their thumbnails and
 * their uploads: `upload(entry)` is the sender's first step for a file. An upload that cannot reach
 * the server is retried with backoff, then marked failed (`network_error`) for the visitor to retry;
 * one the server refuses is marked failed with its error type; bytes that did not survive a reload
 * are `file_missing`. `dispose()` cancels uploads and revokes every preview.
 */
export function createAttachments(s: StoreInternals, o: AttachmentsOptions) {
  const { clock } = s;
  const files = o.files ?? fileStore(browserIndexedDb(), { maxBytes: MAX_STORED, now: () => clock.now() });
  const upload: Upload =
    o.upload ??
    ((file, options) =>
      uploadFile(
        {
          access: (refresh) => s.client.uploadAccess(refresh),
          XMLHttpRequest: globalThis.XMLHttpRequest as XhrConstructor | undefined,
          error: (type, message, data) => new RtmError(type, message, data),
        },
        file,
        options,
      ));
  const { blobs } = o;
  const uploads = new Map<string, AbortController>();
  let failures = 0;
  let retryTimer: unknown;
  let disposed = false;

  const patch = (signal: Signal<Record<string, unknown>>, id: string, value: unknown) => {
    const next = { ...signal.peek() };
    if (value === undefined) delete next[id];
    else next[id] = value;
    signal.value = next;
  };
  const preview = (id: string, blob: Blob) => {
    if (IMAGE.test(blob.type) && !o.previews.peek()[id]) patch(o.previews, id, URL.createObjectURL(blob));
  };
  const forget = (id: string) => {
    uploads.get(id)?.abort();
    blobs.delete(id);
    const url = o.previews.peek()[id];
    if (url) {
      URL.revokeObjectURL(url);
      patch(o.previews, id, undefined);
    }
    void files.delete(id);
  };
  const waiting = (entries: OutboxEntry[]) => entries.filter((e) => e.file && e.event.type === 'file');

  // The files this page restored: their bytes from IndexedDB, or the visitor is told at once that
  // one waiting to upload must be attached again.
  const restored = waiting(o.entries.peek()).filter((e) => e.status !== 'sent' && !blobs.has(e.customId));
  const ready = Promise.all(
    restored.map(async (e) => {
      const blob = await files.get(e.customId);
      if (disposed || blobs.has(e.customId)) return;
      if (blob) {
        blobs.set(e.customId, blob);
        preview(e.customId, blob);
      } else if (e.event.type === 'file' && !e.event.url) s.dispatch({ type: 'send_failed', customIds: [e.customId], error: 'file_missing' });
    }),
  );
  void files.prune((id) => o.entries.peek().some((e) => e.customId === id), clock.now() - ORPHAN_MS);

  // A file confirmed, or taken back (its upload then stops), is not needed any more.
  let known = new Set(waiting(o.entries.peek()).map((e) => e.customId));
  const stop = effect(() => {
    const now = new Set(waiting(o.entries.value).map((e) => e.customId));
    for (const id of known) if (!now.has(id)) forget(id);
    known = now;
  });

  return {
    /** Shows and keeps across reloads (if it can) a file the visitor attached, queued under `id` with its bytes in `blobs`. */
    keep(id: string): void {
      const blob = blobs.get(id);
      // Taken back while this module loaded.
      if (!blob || !known.has(id)) return void blobs.delete(id);
      preview(id, blob);
      void files.put(id, blob);
    },
    /**
     * Uploads the file of a queued entry and records its URL. Resolves whether the sender may go on
     * (false: the upload could not reach the server and is tried again later, or this was disposed).
     */
    async upload(entry: OutboxEntry): Promise<boolean> {
      const id = entry.customId;
      await ready;
      const blob = blobs.get(id) ?? (await files.get(id));
      if (disposed) return false;
      // Removed while its bytes were read.
      if (!s.getState().outbox.some((e) => e.customId === id && e.status === 'queued')) return true;
      if (!blob) {
        s.dispatch({ type: 'send_failed', customIds: [id], error: 'file_missing' });
        return true;
      }
      const controller = new AbortController();
      uploads.set(id, controller);
      patch(o.progress, id, 0);
      try {
        const onProgress = (sent: number, total: number) => total > 0 && !disposed && patch(o.progress, id, Math.min(1, sent / total));
        const { url } = await upload(blob, { signal: controller.signal, name: entry.file?.name, onProgress });
        failures = 0;
        s.dispatch({ type: 'file_uploaded', customId: id, url });
        return true;
      } catch (error) {
        const { type } = errorInfo('upload_file', error);
        // Cancelled: the visitor removed it. Closed: the widget is going away.
        if (type === 'aborted' || type === 'closed' || disposed) return !disposed && type === 'aborted';
        if (type === 'network_error' && ++failures <= RETRIES) {
          retryTimer = clock.setTimeout(o.run, backoff(failures, (o.random ?? Math.random)()));
          return false;
        }
        failures = 0;
        s.dispatch({ type: 'send_failed', customIds: [id], error: type });
        return true;
      } finally {
        uploads.delete(id);
        if (!disposed) patch(o.progress, id, undefined);
      }
    },
    dispose(): void {
      disposed = true;
      clock.clearTimeout(retryTimer);
      stop();
      for (const controller of uploads.values()) controller.abort();
      for (const url of Object.values(o.previews.peek())) URL.revokeObjectURL(url);
      o.previews.value = {};
      o.progress.value = {};
      files.close();
    },
  };
}

/** The object {@link createAttachments} returns. */
export type Attachments = ReturnType<typeof createAttachments>;
