import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvents } from '../../../../src/chat/state/compare-events';
import { mergeEvents } from '../../../../src/chat/state/merge-events';
import type { ChatEvent } from '../../../../src/protocol/types';

const ev = (id: string, order?: number, text = id): ChatEvent => ({ id, type: 'message', text, ...(order !== undefined && { order }) });

/** The plain definition: replace known ids in place, append the rest, stable-sort the whole list. */
function model(existing: ChatEvent[], incoming: ChatEvent[]): ChatEvent[] {
  const out = existing.slice();
  for (const e of incoming) {
    const at = out.findIndex((k) => k.id === e.id);
    if (at >= 0) out[at] = e;
    else out.push(e);
  }
  return out.sort(compareEvents);
}

// Few ids and orders, so copies, replacements and ties are common.
const event = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), order: fc.integer({ min: 0, max: 6 }), text: fc.constantFrom('x', 'y') })
  .map(({ id, order, text }) => ev(id, order, text));

describe('mergeEvents', () => {
  it('gives what replacing, appending and a stable sort give, ties included', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.array(event, { maxLength: 12 }), (first, second) => {
        const existing = model([], first);
        expect(mergeEvents(existing, second)).toEqual(model(existing, second));
      }),
      { numRuns: 500 },
    );
  });

  it('returns the same array when every incoming copy is already held, or nothing came', () => {
    const existing = [ev('a', 1), ev('b', 2)];
    expect(mergeEvents(existing, [{ ...existing[1]! }, ev('a', 1)])).toBe(existing);
    expect(mergeEvents(existing, [])).toBe(existing);
    // The last copy of an id wins: here it equals what is held, so nothing changes.
    expect(mergeEvents(existing, [ev('a', 1, 'edited'), ev('a', 1)])).toBe(existing);
  });

  it('puts an older page before what is held and a live event after it, without reordering either', () => {
    const held = Array.from({ length: 5 }, (_, i) => ev(`n${i}`, 100 + i));
    const older = Array.from({ length: 5 }, (_, i) => ev(`o${i}`, 10 + i));
    expect(mergeEvents(held, older).map((e) => e.id)).toEqual([...older, ...held].map((e) => e.id));
    expect(mergeEvents(held, [ev('live', 200)]).map((e) => e.id)).toEqual([...held.map((e) => e.id), 'live']);
    // An incoming page in reverse order is sorted on the way in.
    expect(mergeEvents(held, [...older].reverse()).map((e) => e.id)).toEqual([...older, ...held].map((e) => e.id));
  });

  it('re-sorts when a replaced copy carries another order', () => {
    const held = [ev('a', 1), ev('b', 2), ev('c', 3)];
    expect(mergeEvents(held, [ev('a', 5)]).map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });
});
