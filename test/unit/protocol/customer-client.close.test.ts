import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flush, harness } from './client-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Drives a fresh client into each phase of its life. */
const phases: [string, (h: ReturnType<typeof harness>) => Promise<unknown>][] = [
  ['idle', async () => {}],
  ['connecting (waiting for the socket)', async (h) => {
    h.client.connect().catch(() => {});
    await flush();
  }],
  ['logging_in (login in flight)', async (h) => {
    h.client.connect().catch(() => {});
    await flush();
    h.server.current.open();
  }],
  ['online with requests in flight', async (h) => {
    await h.connect();
    h.client.getChatsSummary().catch(() => {});
    h.client.getForm({ group_id: 0, type: 'prechat' }).catch(() => {});
  }],
  ['reconnecting (retry scheduled)', async (h) => {
    await h.connect();
    h.server.current.drop();
  }],
  ['offline', async (h) => {
    await h.connect();
    h.signal('offline');
    h.server.current.drop();
  }],
];

describe('customer client: close()', () => {
  it.each(phases)('leaves nothing scheduled when closed while %s', async (_, reach) => {
    const h = harness();
    await reach(h);
    h.client.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(h.client.state).toBe('closed');
    expect(h.client.closeReason).toBe('client_closed');
    expect(h.server.sockets.every((s) => s.closed)).toBe(true);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.server.sockets.every((s) => s.closed)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects what is in flight, and connect() after it', async () => {
    const h = harness();
    await h.connect();
    const inFlight = h.client.getChatsSummary();
    h.client.close();
    await expect(inFlight).rejects.toMatchObject({ type: 'connection_lost' });
    await expect(h.client.connect()).rejects.toMatchObject({ type: 'closed', message: 'The client is closed: client_closed' });
    await expect(h.client.getChatsSummary()).rejects.toMatchObject({ type: 'not_connected' });
  });

  it('rejects a pending connect()', async () => {
    const h = harness();
    const connecting = h.client.connect();
    await flush();
    h.client.close();
    await expect(connecting).rejects.toMatchObject({ type: 'closed' });
  });

  it('releases every listener and the environment hook', async () => {
    const h = harness();
    const fn = vi.fn();
    h.client.on('incoming_event', fn);
    h.client.on('push', fn);
    h.client.on('login', fn);
    await h.connect();
    fn.mockClear();
    const socket = h.server.current;
    const state = vi.fn();
    h.client.on('connection_state', state);
    h.client.close();
    expect(state).toHaveBeenCalledWith('closed', { reason: 'client_closed' });
    expect(h.unwatch).toHaveBeenCalledTimes(1);
    expect(socket.onmessage).toBeNull();
    expect(socket.onclose).toBeNull();
    socket.push('incoming_event', { chat_id: 'C', event: { id: 'e', type: 'message', text: 'late' } });
    expect(fn).not.toHaveBeenCalled();
    h.client.close();
    expect(state).toHaveBeenCalledTimes(1);
  });

  it('logs in on no socket when the token arrives after close()', async () => {
    const h = harness();
    let release: (t: Awaited<ReturnType<typeof h.getToken>>) => void = () => {};
    h.getToken.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    h.client.connect().catch(() => {});
    await flush();
    // The socket opens while the token is on its way; close() lets it go.
    const [socket] = h.server.sockets;
    socket!.open();
    h.client.close();
    expect(socket!.closed).toBe(true);
    release({ accessToken: 'late', entityId: 'e', expiresIn: 60, tokenType: 'Bearer' });
    await flush();
    expect(h.server.sockets).toHaveLength(1);
    expect(socket!.sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
