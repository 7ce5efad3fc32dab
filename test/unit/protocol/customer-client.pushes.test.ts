import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushMap } from '../../../src/protocol/types';
import { harness, LICENSE_ID, LOGIN } from './client-harness';
import { memoryStorage, throwingStorage } from './fake-storage';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const EVENT_PUSH: PushMap['incoming_event'] = {
  chat_id: 'PJ0MRSHTDG',
  thread_id: 'K600PKZON8',
  event: { id: 'E1', type: 'message', text: 'Hello', author_id: 'agent1@example.com', order: 1, timestamp: 1473433500 },
};

describe('customer client: pushes', () => {
  it('delivers a push to its handlers until they unsubscribe', async () => {
    const h = harness();
    await h.connect();
    const fn = vi.fn();
    const off = h.client.on('incoming_event', fn);
    h.server.current.push('incoming_event', EVENT_PUSH);
    off();
    h.server.current.push('incoming_event', EVENT_PUSH);
    expect(fn.mock.calls).toEqual([[EVENT_PUSH, undefined]]);
  });

  it('passes the request_id of the requester’s own copy as the second argument', async () => {
    const h = harness();
    await h.connect();
    const fn = vi.fn();
    h.client.on('thread_closed', fn);
    h.server.current.push('thread_closed', { chat_id: 'C', thread_id: 'T' }, '42');
    expect(fn).toHaveBeenCalledWith({ chat_id: 'C', thread_id: 'T' }, '42');
  });

  it('sends every push, unknown ones included, to the generic handler', async () => {
    const h = harness();
    await h.connect();
    const all = vi.fn();
    h.client.on('push', all);
    h.server.current.push('incoming_event', EVENT_PUSH);
    h.server.current.push('queue_position_updated', { chat_id: 'C', queue: { position: 2 } });
    h.server.current.receive({ action: 'incoming_multicast', type: 'push' });
    expect(all.mock.calls).toEqual([
      ['incoming_event', EVENT_PUSH, undefined],
      ['queue_position_updated', { chat_id: 'C', queue: { position: 2 } }, undefined],
      ['incoming_multicast', {}, undefined],
    ]);
  });

  it('drops and counts malformed frames without throwing, and keeps working', async () => {
    const h = harness();
    await h.connect();
    const errors = vi.fn();
    const pushes = vi.fn();
    h.client.on('frame_error', errors);
    h.client.on('push', pushes);
    const bad = [
      'not json',
      '[]',
      JSON.stringify({ type: 'push', payload: {} }),
      JSON.stringify({ action: 'incoming_event', type: 'push', payload: 'text' }),
      JSON.stringify({ action: 'incoming_event', type: 'push', payload: { chat_id: 'C' } }),
      JSON.stringify({ action: 'x', type: 'push', request_id: 7 }),
    ];
    for (const frame of bad) expect(() => h.server.current.receive(frame)).not.toThrow();
    expect(h.client.droppedFrames).toBe(bad.length);
    expect(errors).toHaveBeenCalledTimes(bad.length);
    expect(errors.mock.calls[0]?.[0]).toEqual({ reason: 'bad JSON', data: 'not json' });
    expect(pushes).not.toHaveBeenCalled();
    h.server.current.push('incoming_event', EVENT_PUSH);
    expect(pushes).toHaveBeenCalledTimes(1);
    expect(h.client.state).toBe('online');
  });

  it('counts malformed frames as signs of life: they do not make the link look dead', async () => {
    const h = harness();
    await h.connect();
    await vi.advanceTimersByTimeAsync(20_000);
    h.server.current.receive('garbage');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.client.state).toBe('online');
  });

  it('keeps going when a handler throws', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = harness();
    await h.connect();
    const next = vi.fn();
    h.client.on('incoming_event', () => {
      throw new Error('handler bug');
    });
    h.client.on('incoming_event', next);
    expect(() => h.server.current.push('incoming_event', EVENT_PUSH)).not.toThrow();
    expect(next).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it("keeps pushes named like the client's own events away from those listeners", async () => {
    const h = harness();
    await h.connect();
    const own = vi.fn();
    const all = vi.fn();
    for (const name of ['login', 'connection_state', 'frame_error'] as const) h.client.on(name, own);
    h.client.on('push', all);
    for (const action of ['login', 'connection_state', 'frame_error', 'push', 'constructor']) h.server.current.push(action, { x: 1 });
    expect(own).not.toHaveBeenCalled();
    expect(all).toHaveBeenCalledTimes(5);
    expect(h.client.state).toBe('online');
  });

  it('does not report server pings as pushes', async () => {
    const h = harness();
    await h.connect();
    const all = vi.fn();
    h.client.on('push', all);
    h.server.current.receive({ action: 'ping', type: 'push', payload: {} });
    expect(all).not.toHaveBeenCalled();
  });
});

describe('customer client: customer_side_storage', () => {
  it('replaces the stored map on customer_side_storage_updated and sends it back at the next login', async () => {
    const h = harness();
    h.storage.data.set(`side_storage_${LICENSE_ID}`, '{"old":"1"}');
    await h.connect();
    expect(h.server.current.last('login').payload?.customer_side_storage).toEqual({ old: '1' });
    h.server.current.push('customer_side_storage_updated', { customer_side_storage: { customer_visits: '1' } });
    expect(JSON.parse(h.storage.data.get(`side_storage_${LICENSE_ID}`)!)).toEqual({ customer_visits: '1' });
    h.server.current.drop();
    await vi.advanceTimersByTimeAsync(500);
    await h.acceptLogin();
    expect(h.server.sockets).toHaveLength(2);
    expect(h.server.current.last('login').payload?.customer_side_storage).toEqual({ customer_visits: '1' });
  });

  it('sends back any JSON object unchanged: at the next login, and on the next page load', async () => {
    const nested = { visits: 2, tags: ['vip'], flags: { a: true } };
    const h = harness();
    await h.connect();
    h.server.current.push('customer_side_storage_updated', { customer_side_storage: nested });
    h.server.current.drop();
    await vi.advanceTimersByTimeAsync(500);
    await h.acceptLogin();
    expect(h.server.current.last('login').payload?.customer_side_storage).toEqual(nested);
    h.client.close();

    // A new page: a new client over the same storage.
    const next = harness({ storage: h.storage });
    await next.connect();
    expect(next.server.current.last('login').payload?.customer_side_storage).toEqual(nested);
  });

  it.each([
    ['an array', '["vip"]'],
    ['a number', '2'],
    ['a string', '"vip"'],
  ])('logs in with no map when the stored value is %s', async (_, raw) => {
    const h = harness();
    h.storage.data.set(`side_storage_${LICENSE_ID}`, raw);
    await h.connect();
    expect(h.server.current.last('login').payload).not.toHaveProperty('customer_side_storage');
  });

  it('logs in with no map when the stored one is corrupt', async () => {
    const h = harness();
    h.storage.data.set(`side_storage_${LICENSE_ID}`, '{"customer_vis');
    await expect(h.connect()).resolves.toEqual(LOGIN);
    expect(h.server.current.last('login').payload).not.toHaveProperty('customer_side_storage');
  });

  it.each([
    ['throws on every call', throwingStorage()],
    ['is full', { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } }],
  ])('keeps the map in memory when storage %s, without an error reaching the user', async (_, storage) => {
    const h = harness({ storage });
    const errors = vi.fn();
    h.client.on('frame_error', errors);
    await h.connect();
    h.server.current.push('customer_side_storage_updated', { customer_side_storage: { customer_visits: '2' } });
    h.server.current.drop();
    await vi.advanceTimersByTimeAsync(500);
    await h.acceptLogin();
    expect(h.server.current.last('login').payload?.customer_side_storage).toEqual({ customer_visits: '2' });
    expect(errors).not.toHaveBeenCalled();
    expect(h.client.state).toBe('online');
  });

  it('keeps everything in memory with storage: null', async () => {
    const h = harness({ storage: null });
    await expect(h.connect()).resolves.toEqual(LOGIN);
    h.server.current.push('customer_side_storage_updated', { customer_side_storage: { a: '1' } });
    expect(localStorage.getItem(`@@lc_auth_token:${LICENSE_ID}`)).toBeNull();
    expect(localStorage.getItem(`side_storage_${LICENSE_ID}`)).toBeNull();
  });
});
