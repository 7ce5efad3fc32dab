// Hostile input through the whole client-side path: random text, junk JSON, pushes with broken or
// prototype-named ids and garbage answers to the store's own requests go into the real client's
// socket handler, with the real chat store listening. Nothing throws (not even inside a listener,
// which the emitter would only log), every dropped frame is reported, and the state invariants hold.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatStore } from '../../../src/chat/create-chat-store';
import { harness, flush } from '../protocol/client-harness';
import { invariants, pushPayload } from './state/fuzz-arbitraries';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 5, 1) });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const PROTO = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Pushes whose ids name Object.prototype members, in every place an id becomes a map key. */
const prototypeIds = fc.tuple(fc.constantFrom(...PROTO), fc.integer({ min: 0, max: 8 })).map(([p, i]) => {
  const event = { id: 'e1', type: 'message', text: 'x', author_id: 'agent@x', order: 1 };
  const frames: Record<string, unknown>[] = [
    { action: 'incoming_event', payload: { chat_id: p, thread_id: 'T1', event } },
    { action: 'incoming_event', payload: { chat_id: 'PJ0MRSHTDG', thread_id: p, event } },
    { action: 'incoming_event', payload: { chat_id: 'PJ0MRSHTDG', thread_id: 'T1', event: { ...event, id: p, author_id: p } } },
    { action: 'incoming_chat_thread', payload: { chat: { id: p, users: [], thread: { id: 'T9', events: [] } } } },
    { action: 'incoming_chat_thread', payload: { chat: { id: 'PJ0MRSHTDG', users: [{ id: p, type: 'agent' }], thread: { id: 'T9', order: 9, events: [event], user_ids: [p] } } } },
    { action: 'chat_user_added', payload: { chat_id: 'PJ0MRSHTDG', user: { id: p, type: 'agent', name: 'x' } } },
    { action: 'incoming_typing_indicator', payload: { chat_id: 'PJ0MRSHTDG', typing_indicator: { author_id: p, is_typing: true } } },
    { action: 'chat_properties_updated', payload: { chat_id: 'PJ0MRSHTDG', properties: { [p]: { [p]: { value: 1 } } } } },
    { action: 'last_seen_timestamp_updated', payload: { chat_id: 'PJ0MRSHTDG', user_id: p, timestamp: 5 } },
  ];
  // Computed keys are own properties, so a `__proto__` key is in the JSON text as a server would send it.
  return JSON.stringify({ type: 'push', ...frames[i]! });
});

type Incoming = { raw: string } | { push: string; payload: unknown } | { answer: number; success: boolean; payload: unknown };

const incoming: fc.Arbitrary<Incoming> = fc.oneof(
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.json(), prototypeIds).map((raw) => ({ raw })) },
  {
    weight: 3,
    arbitrary: fc.record({
      push: fc.constantFrom('incoming_event', 'incoming_chat_thread', 'thread_closed', 'event_updated', 'chat_user_added', 'incoming_typing_indicator', 'incoming_multicast', 'chat_properties_updated', 'events_marked_as_seen', 'queue_position_updated'),
      payload: fc.oneof(pushPayload(), fc.anything()),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      answer: fc.nat(),
      success: fc.boolean(),
      payload: fc.oneof(fc.anything(), fc.record({ error: fc.record({ type: fc.string(), message: fc.anything() }) }), pushPayload(), fc.record({ chats_summary: fc.anything(), chat: fc.anything() })),
    }),
  },
);

describe('client and store under hostile frames', () => {
  it('never throw, report every dropped frame and keep the state invariants', { timeout: 60_000 }, async () => {
    const logged = vi.spyOn(console, 'error');
    await fc.assert(
      fc.asyncProperty(fc.array(incoming, { minLength: 1, maxLength: 25 }), async (frames) => {
        const h = harness();
        const store = createChatStore({ client: h.client, storage: null, licenseId: 12345, groupId: 0 });
        const errors: unknown[] = [];
        h.client.on('frame_error', (e) => errors.push(e));
        await h.connect();
        const socket = h.server.current;
        for (const f of frames) {
          let data: string;
          if ('raw' in f) data = f.raw;
          else if ('push' in f) data = JSON.stringify({ action: f.push, type: 'push', payload: f.payload });
          else {
            // An answer to one of the requests the store made (resync, sends), right or wrong.
            const asked = socket.frames.filter((r) => r.request_id !== undefined);
            const request = asked[f.answer % asked.length]!;
            data = JSON.stringify({ request_id: request.request_id, action: request.action, type: 'response', success: f.success, payload: f.payload });
          }
          expect(() => socket.receive(data)).not.toThrow();
          await flush();
          expect(invariants(store.state.value, false)).toEqual([]);
        }
        expect(h.client.droppedFrames).toBe(errors.length);
        void store.actions.send('still typing');
        await flush();
        expect(store.timeline.value.some((i) => i.event.type === 'message' && i.event.text === 'still typing')).toBe(true);
        store.dispose();
        h.client.close();
      }),
      { numRuns: 100 },
    );
    expect(logged).not.toHaveBeenCalled();
  });
});
