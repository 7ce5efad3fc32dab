import { describe, expect, it } from 'vitest';
import type { LocalSend } from '../../../src/chat/chat-state';
import { createOutbox } from '../../../src/chat/outbox';
import { memoryStorage } from './store-helpers';

const send = (customId: string, status: LocalSend['status'], extra: Partial<LocalSend> = {}): LocalSend => ({
  customId,
  event: { type: 'message', text: `text ${customId}`, custom_id: customId, recipients: 'all' },
  status,
  createdAt: 1,
  ...extra,
});

describe('createOutbox', () => {
  it('keeps unacknowledged sends per license and restores them queued (failed stay failed)', () => {
    const storage = memoryStorage();
    createOutbox({ storage, licenseId: 7 }).save([
      send('a', 'pending'),
      send('b', 'sent'),
      send('c', 'failed', { error: 'validation' }),
      send('d', 'queued', { attachToLastThread: true }),
    ]);
    expect([...storage.map.keys()]).toEqual(['chatlet_outbox_7']);
    const restored = createOutbox({ storage, licenseId: 7 }).load();
    expect(restored).toEqual([
      send('a', 'queued'),
      send('c', 'failed', { error: 'validation' }),
      send('d', 'queued', { attachToLastThread: true }),
    ]);
    expect(createOutbox({ storage, licenseId: 8 }).load()).toEqual([]);
  });

  it('writes only when the stored list changes and removes the key when empty', () => {
    const storage = memoryStorage();
    let writes = 0;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      writes++;
      setItem(k, v);
    };
    const outbox = createOutbox({ storage, licenseId: 1 });
    outbox.save([send('a', 'queued')]);
    outbox.save([send('a', 'pending')]);
    expect(writes).toBe(1);
    outbox.save([send('a', 'sent')]);
    expect(storage.map.size).toBe(0);
  });

  it("keeps the visitor's other tabs' sends: each tab removes only its own, a new page takes over what is left", () => {
    const storage = memoryStorage();
    const tabA = createOutbox({ storage, licenseId: 1 });
    const tabB = createOutbox({ storage, licenseId: 1 });
    tabA.load();
    tabB.load();
    tabA.save([send('a', 'pending')]);
    tabB.save([send('b', 'pending')]);
    // B's message is confirmed, then tab A closes with its own still unsent.
    tabB.save([send('b', 'sent')]);
    const next = createOutbox({ storage, licenseId: 1 });
    expect(next.load()).toEqual([send('a', 'queued')]);
    next.save([send('a', 'sent')]);
    expect(storage.map.size).toBe(0);
  });

  it('skips corrupt and foreign entries and falls back to memory without storage', () => {
    const storage = memoryStorage();
    storage.map.set(
      'chatlet_outbox_1',
      JSON.stringify([{ customId: 'x' }, { customId: 'y', createdAt: 1, event: { type: 'message', text: 'y', custom_id: 'other' } }, 5, send('ok', 'queued')]),
    );
    expect(createOutbox({ storage, licenseId: 1 }).load().map((s) => s.customId)).toEqual(['ok']);
    storage.map.set('chatlet_outbox_1', '[[[');
    expect(createOutbox({ storage, licenseId: 1 }).load()).toEqual([]);
    const memory = createOutbox({ storage: null, licenseId: 1 });
    memory.save([send('m', 'queued')]);
    expect(memory.load().map((s) => s.customId)).toEqual(['m']);
  });
});
