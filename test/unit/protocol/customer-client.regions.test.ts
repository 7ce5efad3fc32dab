// A license served by another region: LiveChat's servers answer with `misdirected_connection` (push)
// or `misdirected_request` (login error), each with `data.region` (protocol-notes §3).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StateInfo } from '../../../src/protocol/customer-client';
import { flush, harness, LICENSE_ID, LOGIN } from './client-harness';
import { memoryStorage } from './fake-storage';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const url = (host: string) => `${host}/v3.1/customer/rtm/ws?license_id=${LICENSE_ID}`;
const DEFAULT = url('wss://api.livechatinc.com');
const FRA = url('wss://api-fra.livechatinc.com');
const DAL = url('wss://api-dal.livechatinc.com');
const KEY = `chatlet_region_${LICENSE_ID}`;

type Harness = ReturnType<typeof harness>;

/** The server answers the current socket's `login` with `misdirected_request` to `region`. */
async function misdirectLogin(h: Harness, region: unknown) {
  await flush();
  h.server.current.open();
  h.server.current.fail('login', 'misdirected_request', 'Wrong region', { region });
  await flush();
}

function recordStates(h: Harness) {
  const log: [string, StateInfo][] = [];
  h.client.on('connection_state', (s, info) => log.push([s, info]));
  return log;
}

describe('customer client: regions', () => {
  it('on a misdirected_connection push reconnects at once to api-<region>, fails what was pending, and remembers the region', async () => {
    const h = harness();
    await h.connect();
    expect(h.server.current.url).toBe(DEFAULT);
    const pending = h.client.request('get_chats_summary', {});
    h.server.current.push('customer_disconnected', { reason: 'misdirected_connection', data: { region: 'fra' } });
    await expect(pending).rejects.toMatchObject({ type: 'connection_lost' });
    expect(h.server.sockets[0]!.closed).toBe(true);
    await flush();
    expect(h.server.sockets.map((s) => s.url)).toEqual([DEFAULT, FRA]);
    expect(h.storage.data.has(KEY)).toBe(false); // not before a login there succeeds
    await h.acceptLogin();
    expect(h.client.state).toBe('online');
    expect(h.storage.data.get(KEY)).toBe('"fra"');
    h.client.close();

    // The next page load goes straight to the region, and reconnects there too.
    const next = harness({ storage: h.storage });
    await next.connect();
    expect(next.server.current.url).toBe(FRA);
    next.server.current.drop();
    await vi.advanceTimersByTimeAsync(250);
    expect(next.server.current.url).toBe(FRA);
  });

  it('on a misdirected_request login error reconnects to api-<region> and connect() resolves there', async () => {
    const h = harness();
    const log = recordStates(h);
    const connected = h.client.connect();
    await misdirectLogin(h, 'fra');
    expect(log).toContainEqual(['reconnecting', { reason: 'misdirected_request', attempt: 1, retryInMs: 0 }]);
    expect(h.server.current.url).toBe(FRA);
    await h.acceptLogin();
    await expect(connected).resolves.toEqual(LOGIN);
    expect(h.storage.data.get(KEY)).toBe('"fra"');
    const next = harness({ storage: h.storage });
    void next.client.connect();
    await flush();
    expect(next.server.sockets.map((s) => s.url)).toEqual([FRA]);
  });

  it('forgets a remembered region that turns out to be wrong, and remembers the right one', async () => {
    const storage = memoryStorage({ [KEY]: '"fra"' });
    const h = harness({ storage });
    const connected = h.client.connect();
    await flush();
    expect(h.server.current.url).toBe(FRA);
    await misdirectLogin(h, 'dal');
    expect(storage.data.has(KEY)).toBe(false);
    expect(h.server.current.url).toBe(DAL);
    await h.acceptLogin();
    await expect(connected).resolves.toEqual(LOGIN);
    expect(storage.data.get(KEY)).toBe('"dal"');
  });

  it('does not loop between regions: one more switch at most, then stops naming the region', async () => {
    const h = harness();
    const log = recordStates(h);
    const failed = h.client.connect().catch((e: unknown) => e);
    await misdirectLogin(h, 'fra');
    await misdirectLogin(h, 'dal'); // the regional host sends it on: one more switch
    await misdirectLogin(h, 'fra'); // and back: stop
    expect(h.server.sockets.map((s) => s.url)).toEqual([DEFAULT, FRA, DAL]);
    expect(h.client.state).toBe('closed');
    expect(h.client.closeReason).toBe('misdirected_request');
    expect(log.at(-1)).toEqual(['closed', { reason: 'misdirected_request', region: 'fra' }]);
    expect(await failed).toMatchObject({
      type: 'closed',
      message: 'The client is closed: misdirected_request (the license is served from region fra)',
      data: { reason: 'misdirected_request', region: 'fra' },
    });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.server.sockets).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
    expect(h.storage.data.has(KEY)).toBe(false);
  });

  it('stops when a regional host sends the client to the region it is on', async () => {
    const h = harness();
    await h.connect();
    h.server.current.push('customer_disconnected', { reason: 'misdirected_connection', data: { region: 'fra' } });
    await h.acceptLogin();
    h.server.current.push('customer_disconnected', { reason: 'misdirected_connection', data: { region: 'fra' } });
    expect(h.server.sockets.map((s) => s.url)).toEqual([DEFAULT, FRA]);
    expect(h.client.state).toBe('closed');
    await expect(h.client.connect()).rejects.toMatchObject({ message: expect.stringContaining('region fra') });
    // The region was right until now; it is not kept for the next page.
    expect(h.storage.data.has(KEY)).toBe(false);
  });

  it.each([
    ['a push', 'misdirected_connection'],
    ['a login error', 'misdirected_request'],
  ])('with a custom apiUrl stops on %s with a reason naming the region', async (_, reason) => {
    // A remembered region never applies to a custom host.
    const h = harness({ apiUrl: 'ws://127.0.0.1:8080', storage: memoryStorage({ [KEY]: '"dal"' }) });
    const log = recordStates(h);
    const connected = h.client.connect().catch((e: unknown) => e);
    if (reason === 'misdirected_request') await misdirectLogin(h, 'fra');
    else {
      await h.acceptLogin();
      h.server.current.push('customer_disconnected', { reason, data: { region: 'fra' } });
    }
    expect(h.server.sockets.map((s) => s.url)).toEqual([url('ws://127.0.0.1:8080')]);
    expect(h.client.state).toBe('closed');
    expect(h.client.closeReason).toBe(reason);
    expect(log.at(-1)).toEqual(['closed', { reason, region: 'fra' }]);
    const error = reason === 'misdirected_request' ? await connected : await h.client.connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'closed', message: `The client is closed: ${reason} (the license is served from region fra)` });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.server.sockets).toHaveLength(1);
  });

  it.each([
    ['no data', undefined],
    ['no region', {}],
    ['a region that is not a host name part', { region: 'evil.example/x' }],
  ])('stops when the server says misdirected with %s', async (_, data) => {
    const h = harness();
    await h.connect();
    h.server.current.push('customer_disconnected', data === undefined ? { reason: 'misdirected_connection' } : { reason: 'misdirected_connection', data });
    expect(h.client.state).toBe('closed');
    expect(h.client.closeReason).toBe('misdirected_connection');
    expect(h.server.sockets).toHaveLength(1);
  });
});
