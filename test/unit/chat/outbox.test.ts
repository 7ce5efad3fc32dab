import { signal } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../../src/chat/outbox';
import type { Change } from '../../../src/chat/state/change';
import type { OutboxEntry } from '../../../src/chat/state/chat-state';
import type { StorageLike } from '../../../src/protocol/safe-storage';
import { memoryStorage } from './store-helpers';

const send = (customId: string, status: OutboxEntry['status'], extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  customId,
  event: { type: 'message', text: `text ${customId}`, custom_id: customId, recipients: 'all' },
  status,
  createdAt: 1,
  ...extra,
});

/** One page's outbox over `storage`, with the state's entries in a signal as the store keeps them. */
function page(storage: StorageLike | null, licenseId = 1) {
  const entries = signal<OutboxEntry[]>([]);
  const restored: OutboxEntry[] = [];
  const dispatch = (change: Change) => {
    if (change.type !== 'send_queued') return;
    restored.push(...change.entries);
    entries.value = [...entries.peek(), ...change.entries];
  };
  let n = 0;
  const outbox = createOutbox({ storage, licenseId, entries, dispatch, newId: () => `id-${++n}`, now: () => 5 });
  return { outbox, restored, entries, save: (list: OutboxEntry[]) => void (entries.value = list) };
}

describe('createOutbox', () => {
  it('adds an event under a new custom_id, written before it goes out', () => {
    const storage = memoryStorage();
    const { outbox, entries } = page(storage);
    outbox.add({ type: 'message', text: 'hi', recipients: 'all' });
    outbox.add({ type: 'filled_form', form_id: 'P', fields: [] }, { attachToLastThread: true });
    expect(entries.value).toEqual([
      { customId: 'id-1', event: { type: 'message', text: 'hi', recipients: 'all', custom_id: 'id-1' }, status: 'queued', createdAt: 5 },
      { customId: 'id-2', event: { type: 'filled_form', form_id: 'P', fields: [], custom_id: 'id-2' }, status: 'queued', createdAt: 5, attachToLastThread: true },
    ]);
    expect(JSON.parse(storage.map.get('chatlet_outbox_1')!)).toHaveLength(2);
  });

  it('keeps unacknowledged entries per license and restores them queued (failed stay failed)', () => {
    const storage = memoryStorage();
    page(storage, 7).save([
      send('a', 'queued'),
      send('b', 'sent'),
      send('c', 'failed', { error: 'validation' }),
      send('d', 'queued', { attachToLastThread: true }),
    ]);
    expect([...storage.map.keys()]).toEqual(['chatlet_outbox_7']);
    expect(page(storage, 7).restored).toEqual([
      send('a', 'queued'),
      send('c', 'failed', { error: 'validation' }),
      send('d', 'queued', { attachToLastThread: true }),
    ]);
    expect(page(storage, 8).restored).toEqual([]);
  });

  it('writes only when the stored list changes and removes the key when empty', () => {
    const storage = memoryStorage();
    let writes = 0;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      writes++;
      setItem(k, v);
    };
    const tab = page(storage);
    tab.save([send('a', 'queued')]);
    tab.save([send('a', 'queued')]);
    expect(writes).toBe(1);
    tab.save([send('a', 'sent')]);
    expect(storage.map.size).toBe(0);
  });

  it("keeps the visitor's other tabs' entries: each tab removes only its own, a new page takes over what is left", () => {
    const storage = memoryStorage();
    const tabA = page(storage);
    const tabB = page(storage);
    tabA.save([send('a', 'queued')]);
    tabB.save([send('b', 'queued')]);
    // B's message is confirmed, then tab A closes with its own still unsent.
    tabB.save([send('b', 'sent')]);
    const next = page(storage);
    expect(next.restored).toEqual([send('a', 'queued')]);
    next.save([send('a', 'sent')]);
    expect(storage.map.size).toBe(0);
  });

  it('skips corrupt and foreign entries and falls back to memory without storage', () => {
    const storage = memoryStorage();
    storage.map.set(
      'chatlet_outbox_1',
      JSON.stringify([{ customId: 'x' }, { customId: 'y', createdAt: 1, event: { type: 'message', text: 'y', custom_id: 'other' } }, 5, send('ok', 'queued')]),
    );
    expect(page(storage).restored.map((s) => s.customId)).toEqual(['ok']);
    storage.map.set('chatlet_outbox_1', '[[[');
    expect(page(storage).restored).toEqual([]);
    const memory = page(null);
    memory.save([send('m', 'queued')]);
    expect(memory.entries.value.map((s) => s.customId)).toEqual(['m']);
  });

  it("keeps a file's name, type and size (its bytes are elsewhere) and restores it; a file entry without them is corrupt", () => {
    const storage = memoryStorage();
    const tab = page(storage);
    const id = tab.outbox.add({ type: 'file', url: '', recipients: 'all' }, { file: { name: 'a.pdf', type: 'application/pdf', size: 9 } });
    const tooBig = tab.outbox.add({ type: 'file', url: '', recipients: 'all' }, { file: { name: 'b.bin', type: '', size: 99 }, status: 'failed', error: 'file_too_large' });
    expect(JSON.parse(storage.map.get('chatlet_outbox_1')!)).toEqual([
      { customId: id, event: { type: 'file', url: '', recipients: 'all', custom_id: id }, createdAt: 5, file: { name: 'a.pdf', type: 'application/pdf', size: 9 } },
      { customId: tooBig, event: { type: 'file', url: '', recipients: 'all', custom_id: tooBig }, createdAt: 5, failed: true, error: 'file_too_large', file: { name: 'b.bin', type: '', size: 99 } },
    ]);
    const next = page(memoryStorage());
    expect(next.restored).toEqual([]);
    expect(page(storage).restored.map((s) => [s.customId, s.status, s.file?.name])).toEqual([
      [id, 'queued', 'a.pdf'],
      [tooBig, 'failed', 'b.bin'],
    ]);
    const corrupt = memoryStorage();
    corrupt.map.set(
      'chatlet_outbox_1',
      JSON.stringify([
        { customId: 'n', createdAt: 1, event: { type: 'file', url: '', custom_id: 'n' } },
        { customId: 's', createdAt: 1, event: { type: 'file', url: '', custom_id: 's' }, file: { name: 'x', type: 'y', size: '9' } },
        { customId: 'u', createdAt: 1, event: { type: 'file', custom_id: 'u' }, file: { name: 'x', type: 'y', size: 9 } },
      ]),
    );
    expect(page(corrupt).restored).toEqual([]);
  });
});
