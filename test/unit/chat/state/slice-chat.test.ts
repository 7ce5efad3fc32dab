import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialChatState, type ChatState } from '../../../../src/chat/state/chat-state';
import { fromChat } from '../../../../src/chat/state/from-chat';
import { reduce } from '../../../../src/chat/state/reduce';
import { sliceChat } from '../../../../src/chat/state/slice-chat';
import type { Chat, ChatEvent, Thread } from '../../../../src/protocol/types';

const take = (state: ChatState, piece: Chat) => fromChat(piece, false).reduce(reduce, state);

const events = (thread: string, count: number, from = 0): ChatEvent[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${thread}_${from + i}`, type: 'message', text: `${from + i}`, order: from + i }));
const thread = (id: string, order: number, list: ChatEvent[], active = false): Thread => ({ id, order, active, user_ids: ['a@x'], events: list });
const chat = (...threads: Thread[]): Chat => ({ id: 'C', users: [{ id: 'a@x', type: 'agent', name: 'Ann' }], properties: { p: { k: { value: 1 } } }, threads });
const ids = (piece: Chat) => piece.threads!.flatMap((t) => t.events!.map((e) => e.id));

describe('sliceChat', () => {
  it('leaves a chat that fits in one piece whole', () => {
    const whole = chat(thread('T1', 1, events('T1', 3)));
    expect(sliceChat(whole, 500)).toEqual([whole]);
  });

  it('cuts a long thread newest first in pieces that double, up to 2,000 events', () => {
    expect(sliceChat(chat(thread('T1', 1, events('T1', 10_000))), 500).map((p) => ids(p).length)).toEqual([500, 1_000, 2_000, 2_000, 2_000, 2_000, 500]);
    const pieces = sliceChat(chat(thread('T1', 1, events('T1', 2_000), true)), 100);
    expect(pieces.map((p) => ids(p).length)).toEqual([100, 200, 400, 800, 500]);
    expect(ids(pieces[0]!)).toEqual(events('T1', 100, 1_900).map((e) => e.id));
    expect(pieces.flatMap(ids).reverse().sort()).toEqual(events('T1', 2_000).map((e) => e.id).sort());
    // Every piece names the thread with its fields; only the first carries the chat's.
    for (const p of pieces) expect(p.threads!.map(({ events: _, ...t }) => t)).toEqual([{ id: 'T1', order: 1, active: true, user_ids: ['a@x'] }]);
    expect(pieces[0]).toMatchObject({ users: [{ id: 'a@x' }], properties: { p: { k: { value: 1 } } } });
    expect(pieces.slice(1).every((p) => p.users.length === 0 && p.properties === undefined)).toBe(true);
  });

  it('goes from the newest thread to older ones whatever order they came in, small threads sharing a piece', () => {
    const pieces = sliceChat(chat(thread('T1', 1, events('T1', 30)), thread('T3', 3, events('T3', 80), true), thread('T2', 2, [])), 50);
    expect(pieces.map((p) => p.threads!.map((t) => `${t.id}:${t.events!.length}`))).toEqual([['T3:50'], ['T3:30', 'T2:0', 'T1:30']]);
  });

  it('gives the same state as the whole chat, whichever order its pieces are applied in', () => {
    const wireThread = fc
      .record({ count: fc.integer({ min: 0, max: 40 }), order: fc.integer({ min: 1, max: 5 }), active: fc.boolean() })
      .map(({ count, order, active }) => ({ count, order, active }));
    fc.assert(
      fc.property(fc.array(wireThread, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (shapes, first, reversed) => {
        const threads = shapes.map((s, i) => thread(`T${i}`, s.order * 10 + i, events(`T${i}`, s.count, i * 100), s.active));
        const whole = chat(...threads);
        const expected = take(initialChatState(0), whole);
        const pieces = sliceChat(whole, first);
        const applied = (reversed ? [...pieces].reverse() : pieces).reduce(take, initialChatState(0));
        expect(applied).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a chat without threads, and drops threads without an id', () => {
    expect(sliceChat({ id: 'C', users: [] }, 10)).toEqual([{ id: 'C', users: [], threads: [] }]);
    const junk = { id: 'C', users: [], threads: [null, { order: 1 }, thread('T1', 1, events('T1', 2))] } as unknown as Chat;
    expect(sliceChat(junk, 10).flatMap(ids)).toEqual(['T1_0', 'T1_1']);
  });
});
