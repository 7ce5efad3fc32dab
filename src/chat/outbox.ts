import { effect, type ReadonlySignal } from '@preact/signals-core';
import { safeStorage, type StorageLike } from '../protocol/safe-storage';
import type { Change } from './state/change';
import type { OutboxEntry, OutboxFile, OutgoingEvent } from './state/chat-state';

// Only a file's name, type and size: its bytes are kept elsewhere (chat/file-store.ts), not here.
interface Stored {
  customId: string;
  event: OutgoingEvent;
  createdAt: number;
  failed?: true;
  error?: string;
  attachToLastThread?: true;
  file?: OutboxFile;
}

const isFile = (f: Partial<OutboxFile> | undefined) =>
  typeof f?.name === 'string' && typeof f.type === 'string' && typeof f.size === 'number' && f.size >= 0;

function restore(value: unknown): OutboxEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Stored>;
  const e = s.event as Partial<OutgoingEvent> | undefined;
  if (typeof s.customId !== 'string' || !e || e.custom_id !== s.customId) return null;
  // The timeline renders it as a date: one out of Date's range would throw there.
  if (typeof s.createdAt !== 'number' || Number.isNaN(new Date(s.createdAt).getTime())) return null;
  const valid =
    (e.type === 'message' && typeof e.text === 'string') ||
    (e.type === 'filled_form' && typeof e.form_id === 'string' && Array.isArray(e.fields)) ||
    (e.type === 'file' && typeof e.url === 'string' && isFile(s.file));
  if (!valid) return null;
  return {
    customId: s.customId,
    event: s.event!,
    createdAt: s.createdAt,
    // Whatever was in flight when the page went away is unknown: queued, the sync sorts it out.
    status: s.failed ? 'failed' : 'queued',
    ...(s.error !== undefined && { error: s.error }),
    ...(s.attachToLastThread && { attachToLastThread: true }),
    ...(s.file && { file: s.file }),
  };
}

const stored = (entry: OutboxEntry): Stored => ({
  customId: entry.customId,
  event: entry.event,
  createdAt: entry.createdAt,
  ...(entry.status === 'failed' && { failed: true as const }),
  ...(entry.error !== undefined && { error: entry.error }),
  ...(entry.attachToLastThread && { attachToLastThread: true as const }),
  ...(entry.file && { file: entry.file }),
});

/** What {@link createOutbox} needs. */
export interface OutboxOptions {
  /** localStorage when `undefined`; memory only when `null`, missing, full or throwing. */
  storage: StorageLike | null | undefined;
  licenseId: number | string;
  /** The state's outbox entries, which it persists whenever they change. */
  entries: ReadonlySignal<OutboxEntry[]>;
  dispatch(change: Change): void;
  newId(): string;
  now(): number;
}

/**
 * The persisted outbox (DESIGN §5: no message is ever lost). Every event the visitor sends is added
 * here with its custom_id and written to storage before it goes out; entries the server has not
 * acknowledged survive reloads and crashes and are restored (queued) when the next page starts.
 * The visitor's tabs share the key, so a write keeps the entries of the other tabs: a tab that wrote
 * only its own erased theirs, lost for good once that tab closed. A page that starts takes over
 * what it finds (its tab may be gone). Corrupt values read as nothing.
 */
export function createOutbox(o: OutboxOptions) {
  const key = `chatlet_outbox_${o.licenseId}`;
  const storage = safeStorage(o.storage);
  const read = (): OutboxEntry[] => {
    const value = storage.getJson(key);
    return Array.isArray(value) ? value.map(restore).filter((s): s is OutboxEntry => s !== null) : [];
  };
  // Every entry this page restored or wrote: the stored ones it is not among belong to other tabs.
  const mine = new Set<string>();
  const restored = read();
  for (const s of restored) mine.add(s.customId);
  let written = JSON.stringify(restored.map(stored));
  if (restored.length > 0) o.dispatch({ type: 'send_queued', entries: restored });

  const save = (entries: OutboxEntry[]) => {
    // Acknowledged entries are the server's: only the rest must survive a reload.
    const kept = entries.filter((s) => s.status !== 'sent').map(stored);
    const text = JSON.stringify(kept);
    if (text === written) return;
    written = text;
    for (const s of entries) mine.add(s.customId);
    const all = [...read().filter((s) => !mine.has(s.customId)).map(stored), ...kept];
    if (all.length === 0) storage.remove(key);
    else storage.setJson(key, all);
  };
  const stop = effect(() => save(o.entries.value));

  return {
    /**
     * Queues `event` under a new custom_id and returns it; `extra` marks a postchat form
     * (`attachToLastThread`), names a file, or adds a file already refused (`status: 'failed'`).
     */
    add(event: OutgoingEvent, extra?: Pick<OutboxEntry, 'attachToLastThread' | 'file' | 'error'> & { status?: 'failed' }): string {
      const customId = o.newId();
      const entry: OutboxEntry = { customId, event: { ...event, custom_id: customId }, status: 'queued', createdAt: o.now(), ...extra };
      o.dispatch({ type: 'send_queued', entries: [entry] });
      return customId;
    },
    dispose: stop,
  };
}

/** The object {@link createOutbox} returns. */
export type Outbox = ReturnType<typeof createOutbox>;
