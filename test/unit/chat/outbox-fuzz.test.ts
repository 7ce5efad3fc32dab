// Hostile input to the persisted outbox: whatever another script, an old version or a broken disk
// left under the key, loading never throws, restores only well-formed sends, and the store that
// takes them keeps one entry per message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals-core';
import { createOutbox } from '../../../src/chat/outbox';
import type { OutboxEntry } from '../../../src/chat/state/chat-state';
import { reduce } from '../../../src/chat/state/reduce';
import type { StorageLike } from '../../../src/protocol/safe-storage';
import { loggedIn, timelineOf } from './state/builders';
import { invariants } from './state/fuzz-arbitraries';
import { memoryStorage } from './store-helpers';

/** What a page restores from `storage`. */
function restore(storage: StorageLike): OutboxEntry[] {
  const restored: OutboxEntry[] = [];
  const dispatch = (c: { type: string; entries?: OutboxEntry[] }) => void restored.push(...(c.entries ?? []));
  createOutbox({ storage, licenseId: 1, entries: signal(restored), dispatch, newId: () => 'x', now: () => 0 }).dispose();
  return restored;
}

/** A page whose state holds `entries`: its outbox writes them. */
function save(storage: StorageLike, entries: OutboxEntry[]): void {
  createOutbox({ storage, licenseId: 1, entries: signal(entries), dispatch: () => undefined, newId: () => 'x', now: () => 0 }).dispose();
}

const KEY = 'chatlet_outbox_1';

const storedSend = fc
  .record({
    customId: fc.constantFrom('a', 'b', 'c'),
    createdAt: fc.oneof(fc.integer(), fc.anything()),
    failed: fc.option(fc.constant(true), { nil: undefined }),
    error: fc.option(fc.string(), { nil: undefined }),
    attachToLastThread: fc.option(fc.anything(), { nil: undefined }),
    text: fc.oneof(fc.string(), fc.anything()),
    type: fc.constantFrom('message', 'filled_form', 'file', 'x'),
    sameId: fc.boolean(),
  })
  .map((s) => ({
    customId: s.customId,
    createdAt: s.createdAt,
    failed: s.failed,
    error: s.error,
    attachToLastThread: s.attachToLastThread,
    event: { type: s.type, text: s.text, form_id: 'f', fields: [], custom_id: s.sameId ? s.customId : `${s.customId}!` },
  }));

const stored = fc.oneof(
  fc.string(),
  fc.json(),
  fc.array(fc.oneof({ weight: 3, arbitrary: storedSend }, { weight: 1, arbitrary: fc.anything() }), { maxLength: 8 }).map((l) => JSON.stringify(l)),
);

const wellFormed = (s: OutboxEntry) =>
  typeof s.customId === 'string' &&
  s.event.custom_id === s.customId &&
  typeof s.createdAt === 'number' &&
  (s.status === 'queued' || s.status === 'failed') &&
  ((s.event.type === 'message' && typeof s.event.text === 'string') || (s.event.type === 'filled_form' && Array.isArray(s.event.fields)));

// Counterexamples fast-check found, kept as fixed first runs: a date out of Date's range made the
// timeline throw, and a repeated entry would have been sent twice.
const farFuture = JSON.stringify([{ customId: 'a', createdAt: 8.64e15 + 1, event: { type: 'message', text: 'x', custom_id: 'a' } }]);
const twice = JSON.stringify([0, 0].map(() => ({ customId: 'c', createdAt: 0, event: { type: 'message', text: '', custom_id: 'c' } })));

describe('outbox under hostile storage', () => {
  it('loads anything without throwing, restores only well-formed sends, and the store keeps one per message', () => {
    fc.assert(
      fc.property(stored, (raw) => {
        const storage = memoryStorage();
        storage.map.set(KEY, raw);
        const sends = restore(storage);
        expect(sends.every(wellFormed)).toBe(true);
        const state = reduce(loggedIn(), { type: 'send_queued', entries: sends });
        expect(invariants(state, true)).toEqual([]);
        expect(() => timelineOf(state)).not.toThrow();
      }),
      { numRuns: 500, examples: [[farFuture], [twice]] },
    );
  });

  it('gives back what it kept: every unacknowledged send, in order', () => {
    const send = fc.record({
      customId: fc.uuid(),
      text: fc.string(),
      status: fc.constantFrom('queued', 'sent', 'failed'),
      createdAt: fc.integer({ min: 0 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(send, { selector: (s) => s.customId, maxLength: 6 }), (list) => {
        const storage = memoryStorage();
        const sends: OutboxEntry[] = list.map((s) => ({
          customId: s.customId,
          status: s.status,
          createdAt: s.createdAt,
          event: { type: 'message', text: s.text, recipients: 'all', custom_id: s.customId },
        }));
        save(storage, sends);
        const back = restore(storage);
        const kept = sends.filter((s) => s.status !== 'sent');
        expect(back.map((s) => [s.customId, s.event, s.status])).toEqual(kept.map((s) => [s.customId, s.event, s.status === 'failed' ? 'failed' : 'queued']));
      }),
      { numRuns: 300 },
    );
  });
});
