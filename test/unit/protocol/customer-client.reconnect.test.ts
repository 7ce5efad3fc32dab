import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoff } from '../../../src/protocol/backoff';
import type { StateInfo } from '../../../src/protocol/customer-client';
import { flush, harness, LOGIN } from './client-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Records every state change with its details. */
function recordStates(h: ReturnType<typeof harness>) {
  const log: [string, StateInfo][] = [];
  h.client.on('connection_state', (s, info) => log.push([s, info]));
  return log;
}

describe('customer client: reconnect schedule', () => {
  it('retries per backoff() while the server stays unreachable, then resets after a login', async () => {
    const h = harness();
    const log = recordStates(h);
    await h.connect();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const before = h.server.sockets.length;
      h.server.current.drop();
      const [, info] = log.at(-1)!;
      expect(info).toEqual({ reason: 'socket_closed', attempt: attempt + 1, retryInMs: backoff(attempt, 0.5) });
      waits.push(info.retryInMs!);
      await vi.advanceTimersByTimeAsync(info.retryInMs! - 1);
      expect(h.server.sockets).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(h.server.sockets).toHaveLength(before + 1);
    }
    expect(waits).toEqual([250, 1500, 3000, 6000, 12_000, 22_500, 22_500]);
    await h.acceptLogin();
    h.server.current.drop();
    expect(log.at(-1)).toEqual(['reconnecting', { reason: 'socket_closed', attempt: 1, retryInMs: 250 }]);
  });

  it('logs in again after every reconnect', async () => {
    const h = harness();
    await h.connect();
    for (let i = 0; i < 3; i++) {
      h.server.current.drop();
      await vi.advanceTimersByTimeAsync(250);
      await h.acceptLogin();
      expect(h.client.state).toBe('online');
    }
    expect(h.server.sockets.map((s) => s.frames[0]?.action)).toEqual(['login', 'login', 'login', 'login']);
  });

  it('backs off when the token cannot be fetched', async () => {
    const h = harness();
    const log = recordStates(h);
    h.getToken.mockRejectedValueOnce(new Error('accounts down'));
    void h.client.connect();
    // The socket was opened with the token's request; its failure closes it.
    expect(h.server.sockets).toHaveLength(1);
    await flush();
    expect(h.server.sockets[0]!.closed).toBe(true);
    expect(h.server.sockets[0]!.sent).toEqual([]);
    expect(log.at(-1)).toEqual(['reconnecting', { reason: 'token_error', attempt: 1, retryInMs: 250 }]);
    await vi.advanceTimersByTimeAsync(250);
    await h.acceptLogin();
    expect(h.client.state).toBe('online');
  });
});

describe('customer client: customer_disconnected', () => {
  it('fetches a fresh token and reconnects at once on access_token_expired', async () => {
    const h = harness();
    await h.connect();
    h.server.current.push('customer_disconnected', { reason: 'access_token_expired' });
    expect(h.server.sockets[0]!.closed).toBe(true);
    await flush();
    expect(h.getToken).toHaveBeenCalledTimes(2);
    await h.acceptLogin();
    expect(h.server.current.last('login').payload?.token).toBe('Bearer dal:token-2');
  });

  it.each(['customer_banned', 'license_not_found', 'license_expired', 'unsupported_version', 'product_version_changed', 'too_many_connections'])(
    'stops for good on %s and exposes the reason',
    async (reason) => {
      const h = harness();
      const pushed = vi.fn();
      h.client.on('customer_disconnected', pushed);
      await h.connect();
      h.server.current.push('customer_disconnected', { reason });
      expect(pushed).toHaveBeenCalledWith({ reason }, undefined);
      expect(h.client.state).toBe('closed');
      expect(h.client.closeReason).toBe(reason);
      expect(h.states.at(-1)).toBe('closed');
      expect(vi.getTimerCount()).toBe(0);
      expect(h.unwatch).toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(h.server.sockets).toHaveLength(1);
      await expect(h.client.connect()).rejects.toMatchObject({ type: 'closed', message: expect.stringContaining(reason) });
    },
  );

  it.each(['connection_timeout', 'internal_error', 'service_temporarily_unavailable', 'too_many_unauthorized_connections', 'connection_evicted'])(
    'backs off and reconnects on %s',
    async (reason) => {
      const h = harness();
      const log = recordStates(h);
      await h.connect();
      h.server.current.push('customer_disconnected', { reason });
      expect(log.at(-1)).toEqual(['reconnecting', { reason, attempt: 1, retryInMs: 250 }]);
      await vi.advanceTimersByTimeAsync(250);
      await h.acceptLogin();
      expect(h.client.state).toBe('online');
      expect(h.getToken).toHaveBeenCalledTimes(1);
    },
  );

  it('waits for the visitor after inactivity_timeout: connect() resumes', async () => {
    const h = harness();
    const log = recordStates(h);
    await h.connect();
    h.server.current.push('customer_disconnected', { reason: 'inactivity_timeout' });
    expect(log.at(-1)).toEqual(['idle', { reason: 'inactivity_timeout' }]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.server.sockets).toHaveLength(1);
    const again = h.client.connect();
    await h.acceptLogin();
    await expect(again).resolves.toEqual(LOGIN);
  });
});

describe('customer client: login errors', () => {
  it('fetches a fresh token once on an authentication error, then backs off', async () => {
    const h = harness();
    const log = recordStates(h);
    void h.client.connect();
    await flush();
    h.server.current.open();
    h.server.current.fail('login', 'authentication', 'Invalid access token');
    await flush();
    expect(log).toContainEqual(['reconnecting', { reason: 'authentication', attempt: 1, retryInMs: 0 }]);
    expect(h.server.sockets).toHaveLength(2);
    h.server.current.open();
    expect(h.server.current.last('login').payload?.token).toBe('Bearer dal:token-2');
    h.server.current.fail('login', 'authentication', 'Invalid access token');
    await flush();
    expect(log.at(-1)).toEqual(['reconnecting', { reason: 'authentication', attempt: 2, retryInMs: 1500 }]);
    await vi.advanceTimersByTimeAsync(1499);
    expect(h.server.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    h.server.current.open();
    expect(h.server.current.last('login').payload?.token).toBe('Bearer dal:token-3');
  });

  it.each(['users_limit_reached', 'wrong_product_version', 'customer_banned'])('stops for good when login fails with %s', async (type) => {
    const h = harness();
    const connected = h.client.connect();
    await flush();
    h.server.current.open();
    h.server.current.fail('login', type);
    await expect(connected).rejects.toMatchObject({ name: 'RtmError', type: 'closed', data: { reason: type } });
    expect(h.client.closeReason).toBe(type);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('customer client: browser signals', () => {
  it('goes offline instead of retrying while the network is down, and retries at once when it is back', async () => {
    const h = harness();
    await h.connect();
    h.signal('offline');
    expect(h.client.state).toBe('online'); // the link may survive a blip; the heartbeat decides
    h.server.current.drop();
    expect(h.client.state).toBe('offline');
    expect(vi.getTimerCount()).toBe(0);
    h.signal('online');
    await h.acceptLogin();
    expect(h.client.state).toBe('online');
  });

  it('cancels a scheduled retry when the network goes away', async () => {
    const h = harness();
    await h.connect();
    for (let i = 0; i < 4; i++) {
      h.server.current.drop();
      await vi.advanceTimersByTimeAsync(30_000);
    }
    h.server.current.drop();
    expect(h.client.state).toBe('reconnecting');
    h.signal('offline');
    expect(h.client.state).toBe('offline');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('retries at once on online or a visible tab instead of waiting out the backoff', async () => {
    for (const signal of ['online', 'visible'] as const) {
      const h = harness();
      await h.connect();
      for (let i = 0; i < 5; i++) {
        h.server.current.drop();
        await vi.advanceTimersByTimeAsync(30_000);
      }
      expect(h.client.state).toBe('connecting');
      h.server.current.drop();
      const count = h.server.sockets.length;
      h.signal(signal);
      await flush();
      expect(h.server.sockets).toHaveLength(count + 1);
    }
  });

  it('reconnects at once when a tab becomes visible with a stale link, and keeps a fresh one', async () => {
    let now = 0;
    const clock = { now: () => now, setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (id: unknown) => clearTimeout(id as number) };
    const h = harness({ clock });
    await h.connect();
    now = 10_000;
    h.signal('visible');
    expect(h.client.state).toBe('online');
    now = 40_000; // hidden tab: timers throttled, 40 s passed without a frame or a timer firing
    h.signal('visible');
    expect(h.client.state).toBe('reconnecting');
  });
});
