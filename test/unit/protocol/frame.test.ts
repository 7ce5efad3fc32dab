import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frame } from '../../../src/protocol/frame';

const error = (data: unknown) => {
  const r = frame(typeof data === 'string' ? data : JSON.stringify(data));
  return 'error' in r ? r.error : undefined;
};

describe('frame', () => {
  it('accepts responses, error responses and pushes', () => {
    expect(frame('{"request_id":"1","action":"close_thread","type":"response","success":true,"payload":{}}')).toEqual({
      frame: { request_id: '1', action: 'close_thread', type: 'response', success: true, payload: {} },
    });
    const failed = { action: 'login', type: 'response', success: false, payload: { error: { type: 'authentication', message: 'no' } } };
    expect(frame(JSON.stringify(failed))).toEqual({ frame: failed });
    const push = { action: 'incoming_event', type: 'push', payload: { chat_id: 'C', event: { id: 'e', type: 'message', text: 'hi' } } };
    expect(frame(JSON.stringify(push))).toEqual({ frame: push });
  });

  it('infers a missing type from success, so a bare ping reply or push still parses', () => {
    expect(frame('{"action":"ping","success":true}')).toEqual({ frame: { action: 'ping', type: 'response', success: true } });
    expect(frame('{"action":"ping"}')).toEqual({ frame: { action: 'ping', type: 'push' } });
  });

  it('lets unknown pushes through for the generic handler', () => {
    expect(error({ action: 'queue_position_updated', type: 'push', payload: { anything: 1 } })).toBeUndefined();
  });

  it.each([
    ['bad JSON', '{"action":', 'bad JSON'],
    ['a binary frame', new ArrayBuffer(4), 'bad JSON'],
    ['a JSON array', '[1,2]', 'not an object'],
    ['JSON null', 'null', 'not an object'],
    ['a missing action', { type: 'push', payload: {} }, 'missing action'],
    ['a numeric action', { action: 7, type: 'push' }, 'missing action'],
    ['an unknown type', { action: 'x', type: 'event' }, 'bad type'],
    ['a numeric request_id', { action: 'x', type: 'push', request_id: 5 }, 'bad request_id'],
    ['an array payload', { action: 'x', type: 'push', payload: [] }, 'bad payload'],
    ['a string payload', { action: 'x', type: 'push', payload: 'hi' }, 'bad payload'],
    ['a response without success', { action: 'x', type: 'response', payload: {} }, 'bad success'],
    ['an error response without an error', { action: 'x', type: 'response', success: false, payload: {} }, 'bad error'],
    ['an error without a type', { action: 'x', type: 'response', success: false, payload: { error: { message: 'm' } } }, 'bad error'],
    ['incoming_event without an event', { action: 'incoming_event', type: 'push', payload: { chat_id: 'C' } }, 'bad incoming_event.event'],
    ['thread_closed with a numeric chat_id', { action: 'thread_closed', type: 'push', payload: { chat_id: 1, thread_id: 'T' } }, 'bad thread_closed.chat_id'],
    ['customer_disconnected without a reason', { action: 'customer_disconnected', type: 'push', payload: {} }, 'bad customer_disconnected.reason'],
    [
      'customer_side_storage_updated with a string map',
      { action: 'customer_side_storage_updated', type: 'push', payload: { customer_side_storage: 'x' } },
      'bad customer_side_storage_updated.customer_side_storage',
    ],
  ])('reports %s', (_, data, reason) => {
    const r = frame(typeof data === 'string' || data instanceof ArrayBuffer ? data : JSON.stringify(data));
    expect(r).toEqual({ error: reason });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('treats a push named %s as unknown', (action) => {
    expect(frame(JSON.stringify({ action, type: 'push', payload: {} }))).toEqual({ frame: { action, type: 'push', payload: {} } });
  });

  it('checks every id of a long history, and reports the first bad one as a reviver would (inner first)', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ id: `T_${i}`, type: 'message', text: `m ${i}`, author_id: 'a@x' }));
    const chat = (author: string, threadId = 'T') => ({
      action: 'get_chat_threads',
      type: 'response',
      success: true,
      payload: { chat: { id: 'C', threads: [{ id: threadId, events: [...events, { id: 'last', type: 'message', author_id: author }] }] } },
    });
    expect(error(chat('b@x'))).toBeUndefined();
    expect(error(chat('valueOf'))).toBe('bad author_id');
    expect(error(chat('valueOf', '__proto__'))).toBe('bad author_id');
    expect(error(chat('b@x', '__proto__'))).toBe('bad threads.id');
  });

  it('refuses an id that spells a prototype name with escapes, which only the parsed value shows', () => {
    const escaped = (id: string) => `{"action":"thread_closed","type":"push","payload":{"chat_id":"${id}","thread_id":"T"}}`;
    expect(frame(escaped('\\u0076alueOf'))).toEqual({ error: 'bad chat_id' });
    expect(frame(escaped('__pro\\u0074o__'))).toEqual({ error: 'bad chat_id' });
    expect(frame(escaped('\\u005f_proto__'))).toEqual({ error: 'bad chat_id' });
    // Escapes of other characters (a server escaping `<`, `&`) change nothing.
    expect(frame(escaped('C\\u003c1'))).toEqual({ frame: { action: 'thread_closed', type: 'push', payload: { chat_id: 'C<1', thread_id: 'T' } } });
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (data) => 'error' in frame(data) || 'frame' in frame(data)));
  });
});
