// Hostile input to the frame parser: whatever arrives, `frame()` answers with a frame or a reason,
// never an exception; an id naming an Object.prototype member is refused wherever it hides; and a
// well-formed frame comes through exactly as sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frame } from '../../../src/protocol/frame';

const PROTO = Object.getOwnPropertyNames(Object.prototype);
const liveChatId = fc.stringMatching(/^[A-Z0-9]{10}(_\d{1,3})?$/);
const idKey = fc.constantFrom('chat_id', 'thread_id', 'author_id', 'user_id', 'customer_id', 'last_thread_id');
const holder = fc.constantFrom('chat', 'thread', 'user', 'threads', 'users', 'chats_summary');

/** A JSON value with `leaf` somewhere inside it, under `key` (and wrapped in objects and arrays). */
const nested = (key: string, leaf: unknown) =>
  fc.array(fc.constantFrom('object', 'array', 'payload'), { maxLength: 4 }).map((path) =>
    path.reduceRight<unknown>((inner, step) => (step === 'array' ? [1, inner] : step === 'object' ? { x: inner } : { payload: inner }), { [key]: leaf }),
  );

describe('frame under hostile input', () => {
  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array().map((b) => Buffer.from(b).toString('latin1')), fc.anything()), (data) => {
        const r = frame(data);
        expect('frame' in r || ('error' in r && typeof r.error === 'string')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a frame with a chat, thread or user id naming an Object.prototype member, however deep', () => {
    const refused = (payload: unknown) => frame(JSON.stringify({ action: 'incoming_multicast', type: 'push', payload: { content: payload } }));
    fc.assert(
      fc.property(idKey, fc.constantFrom(...PROTO), fc.boolean(), (key, name, asList) => {
        // `user_ids` and `thread_ids` are lists of such ids.
        const field = asList && (key === 'user_id' || key === 'thread_id') ? `${key}s` : key;
        fc.assert(
          fc.property(nested(field, field === key ? name : ['A1', name]), (payload) => {
            expect(refused(payload)).toEqual({ error: `bad ${field}` });
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(holder, fc.constantFrom(...PROTO), (key, name) => {
        const held = { id: name, type: 'agent' };
        fc.assert(
          fc.property(nested(key, key.endsWith('s') ? [{ id: 'A1' }, held] : held), (payload) => {
            expect(refused(payload)).toEqual({ error: `bad ${key}.id` });
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 100 },
    );
  });

  it('lets well-formed pushes and responses through unchanged', () => {
    // Free-form fields may hold anything, prototype names included.
    const free = fc.oneof(fc.string(), fc.constantFrom(...PROTO));
    const event = fc.record({ id: liveChatId, type: fc.constant('message'), text: free, author_id: fc.emailAddress(), custom_id: free, postback: fc.record({ id: free }) });
    const push = fc.record({ chat_id: liveChatId, thread_id: liveChatId, event }).map((payload) => ({ action: 'incoming_event', type: 'push', payload }));
    const answer = fc.record({ request_id: fc.stringMatching(/^\d{1,6}$/), payload: fc.record({ chat_id: liveChatId, thread_id: liveChatId, event_ids: fc.array(liveChatId) }) })
      .map((r) => ({ ...r, action: 'start_chat', type: 'response', success: true }));
    fc.assert(
      fc.property(fc.oneof(push, answer), (sent) => {
        expect(frame(JSON.stringify(sent))).toEqual({ frame: sent });
      }),
      { numRuns: 300 },
    );
  });
});
