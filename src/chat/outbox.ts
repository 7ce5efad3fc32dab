// The persisted outbox: unconfirmed sends survive reloads and crashes (DESIGN §5 "No message is ever lost").
import { safeStorage, type StorageLike } from '../protocol/safe-storage';
import type { LocalSend } from './chat-state';

interface StoredSend {
  customId: string;
  event: LocalSend['event'];
  createdAt: number;
  failed?: true;
  error?: string;
  attachToLastThread?: true;
}

function restore(value: unknown): LocalSend | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<StoredSend>;
  const e = s.event as Partial<LocalSend['event']> | undefined;
  if (typeof s.customId !== 'string' || !e || e.custom_id !== s.customId) return null;
  // The timeline renders it as a date: one out of Date's range would throw there.
  if (typeof s.createdAt !== 'number' || Number.isNaN(new Date(s.createdAt).getTime())) return null;
  const valid =
    (e.type === 'message' && typeof e.text === 'string') ||
    (e.type === 'filled_form' && typeof e.form_id === 'string' && Array.isArray(e.fields));
  if (!valid) return null;
  return {
    customId: s.customId,
    event: s.event as LocalSend['event'],
    createdAt: s.createdAt,
    // Whatever was in flight when the page went away is unknown: queue it, the resync sorts it out.
    status: s.failed ? 'failed' : 'queued',
    ...(s.error !== undefined ? { error: s.error } : {}),
    ...(s.attachToLastThread ? { attachToLastThread: true } : {}),
  };
}

function store(send: LocalSend): StoredSend {
  return {
    customId: send.customId,
    event: send.event,
    createdAt: send.createdAt,
    ...(send.status === 'failed' ? { failed: true as const } : {}),
    ...(send.error !== undefined ? { error: send.error } : {}),
    ...(send.attachToLastThread ? { attachToLastThread: true as const } : {}),
  };
}

/**
 * The outbox of one license in `storage` (localStorage when `undefined`; memory only when `null`,
 * missing, full or throwing). Only sends the server has not acknowledged are kept; a corrupt value
 * reads as empty. `save` writes only when this page's list actually changes, and keeps the sends
 * of the visitor's other tabs, which share the key: a tab that wrote only its own list erased
 * theirs, lost for good once that tab closed. A page that loads takes over what it finds (its
 * tab may be gone).
 *
 * @example
 * const outbox = createOutbox({ storage: localStorage, licenseId: 12345 });
 * const restored = outbox.load();
 * outbox.save(state.localSends);
 */
export function createOutbox(options: { storage: StorageLike | null | undefined; licenseId: number | string }) {
  const key = `chatlet_outbox_${options.licenseId}`;
  const storage = safeStorage(options.storage);
  let written: string | null = null;
  // Every send this page has loaded or saved: the stored ones it is not among belong to other tabs.
  const mine = new Set<string>();
  const stored = (): LocalSend[] => {
    const value = storage.getJson(key);
    return Array.isArray(value) ? value.map(restore).filter((s): s is LocalSend => s !== null) : [];
  };
  return {
    key,
    load(): LocalSend[] {
      const list = stored();
      for (const s of list) mine.add(s.customId);
      written = JSON.stringify(list.map(store));
      return list;
    },
    save(sends: readonly LocalSend[]): void {
      const kept = sends.filter((s) => s.status !== 'sent').map(store);
      const text = JSON.stringify(kept);
      if (text === written) return;
      written = text;
      for (const s of sends) mine.add(s.customId);
      const all = [...stored().filter((s) => !mine.has(s.customId)).map(store), ...kept];
      if (all.length === 0) storage.remove(key);
      else storage.setJson(key, all);
    },
  };
}

/**
 * The object {@link createOutbox} returns.
 *
 * @example
 * const persist = (outbox: Outbox, state: ChatState) => outbox.save(state.localSends);
 */
export type Outbox = ReturnType<typeof createOutbox>;
