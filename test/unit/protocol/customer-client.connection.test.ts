import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerClient } from '../../../src/protocol/customer-client';
import { flush, harness, LICENSE_ID, LOGIN } from './client-harness';
import { fakeSockets } from './fake-socket';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('customer client: connection and login', () => {
  it('does nothing until connect()', async () => {
    const h = harness();
    await flush();
    expect(h.server.sockets).toHaveLength(0);
    expect(h.client.state).toBe('idle');
    expect(h.getToken).not.toHaveBeenCalled();
  });

  it('opens ${apiUrl}/v3.1/customer/rtm/ws?license_id=<licenseId>', async () => {
    const h = harness({ apiUrl: 'ws://127.0.0.1:4000/' });
    void h.client.connect();
    await flush();
    expect(h.server.current.url).toBe(`ws://127.0.0.1:4000/v3.1/customer/rtm/ws?license_id=${LICENSE_ID}`);
  });

  it.each(['socket', 'token'])('opens the socket and fetches the token together, and logs in once both are there (%s first)', async (first) => {
    const h = harness();
    let release: (t: Awaited<ReturnType<typeof h.getToken>>) => void = () => {};
    h.getToken.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    void h.client.connect();
    expect(h.server.sockets).toHaveLength(1);
    expect(h.getToken).toHaveBeenCalledTimes(1);
    const socket = h.server.current;
    const token = async () => {
      release({ accessToken: 'dal:both', entityId: 'customer-1', expiresIn: 3600, tokenType: 'Bearer' });
      await flush();
    };
    if (first == 'token') await token();
    socket.open();
    if (first == 'socket') {
      expect(socket.sent).toEqual([]);
      await token();
    }
    expect(socket.frames.map((f) => [f.action, f.payload?.token])).toEqual([['login', 'Bearer dal:both']]);
  });

  it('defaults to LiveChat', async () => {
    const h = harness({ apiUrl: undefined });
    void h.client.connect();
    await flush();
    expect(h.server.current.url).toBe(`wss://api.livechatinc.com/v3.1/customer/rtm/ws?license_id=${LICENSE_ID}`);
  });

  it('resolves connect() with the login payload, dynamic config included', async () => {
    const h = harness();
    const login = await h.connect();
    expect(login).toEqual(LOGIN);
    expect(login.__priv_dynamic_config?.predicted_agent?.name).toBe('Bart');
    expect(h.client.state).toBe('online');
    expect(h.states).toEqual(['connecting', 'logging_in', 'online']);
  });

  it('sends every login field, with customer_side_storage read from storage', async () => {
    const h = harness({
      customer: { name: 'Ada', email: 'ada@example.com', fields: { plan: 'pro' } },
      groupId: 2,
      referrer: 'https://search.example/',
      isMobile: true,
    });
    h.storage.data.set(`side_storage_${LICENSE_ID}`, '{"customer_visits":"3"}');
    void h.client.connect();
    await flush();
    h.server.current.open();
    expect(h.server.current.frames).toEqual([
      {
        request_id: expect.any(String),
        action: 'login',
        payload: {
          token: 'Bearer dal:token-1',
          customer: { name: 'Ada', email: 'ada@example.com', fields: { plan: 'pro' } },
          customer_page: { url: 'https://shop.example/cart', title: 'Cart' },
          customer_side_storage: { customer_visits: '3' },
          group_id: 2,
          referrer: 'https://search.example/',
          is_mobile: true,
        },
      },
    ]);
  });

  it("sends the current page's URL and title by default, read at each login", async () => {
    const h = harness({ customerPage: undefined });
    document.title = 'Pricing';
    void h.client.connect();
    await flush();
    h.server.current.open();
    expect(h.server.current.last('login').payload).toMatchObject({
      customer_page: { url: location.href, title: 'Pricing' },
    });
    expect(h.server.current.last('login').payload).not.toHaveProperty('group_id');
    expect(h.server.current.last('login').payload).not.toHaveProperty('customer_side_storage');
  });

  it('shares one connection among concurrent connect() calls and answers later ones at once', async () => {
    const h = harness();
    const a = h.client.connect();
    const b = h.client.connect();
    await h.acceptLogin();
    await expect(a).resolves.toEqual(LOGIN);
    await expect(b).resolves.toEqual(LOGIN);
    await expect(h.client.connect()).resolves.toEqual(LOGIN);
    expect(h.server.sockets).toHaveLength(1);
  });

  it('fires login after every successful login, re-logins included', async () => {
    const h = harness();
    const logins = vi.fn();
    h.client.on('login', logins);
    await h.connect();
    h.server.current.drop();
    await vi.advanceTimersByTimeAsync(500);
    await h.acceptLogin({ ...LOGIN, has_active_thread: false });
    expect(logins.mock.calls).toEqual([[LOGIN], [{ ...LOGIN, has_active_thread: false }]]);
    expect(h.server.sockets).toHaveLength(2);
    expect(h.server.current.last('login').payload?.token).toBe('Bearer dal:token-1');
  });

  it('gives up on a socket that does not open within 10 s and reconnects', async () => {
    const h = harness();
    void h.client.connect();
    await flush();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(h.client.state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(h.server.sockets[0]!.closed).toBe(true);
    expect(h.client.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(250);
    expect(h.server.sockets).toHaveLength(2);
  });

  it('gives up on a login unanswered for 15 s and reconnects', async () => {
    const h = harness();
    const states: unknown[] = [];
    h.client.on('connection_state', (s, info) => states.push([s, info.reason]));
    void h.client.connect();
    await flush();
    h.server.current.open();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(h.client.state).toBe('logging_in');
    await vi.advanceTimersByTimeAsync(1);
    expect(states.at(-1)).toEqual(['reconnecting', 'request_timeout']);
    expect(h.server.sockets[0]!.closed).toBe(true);
  });

  it('works with the default clock and storage (real localStorage)', async () => {
    const server = fakeSockets();
    const client = createCustomerClient({
      licenseId: 9,
      WebSocket: server.WebSocket,
      environment: null,
      getToken: async () => ({ accessToken: 't', entityId: 'e', expiresIn: 60, tokenType: 'Bearer' }),
    });
    const connected = client.connect();
    await flush();
    server.current.open();
    server.current.respond('login', LOGIN);
    await expect(connected).resolves.toEqual(LOGIN);
    expect(JSON.parse(localStorage.getItem('@@lc_auth_token:9')!)).toMatchObject({ accessToken: 't', licenseId: 9 });
    client.close();
    localStorage.clear();
  });
});

describe('customer client: ping and dead links', () => {
  it('sends {"action":"ping","payload":{}} every 15 s after login, never before', async () => {
    const h = harness();
    void h.client.connect();
    await flush();
    h.server.current.open();
    await vi.advanceTimersByTimeAsync(14_000);
    h.server.current.respond('login', LOGIN);
    await flush();
    const pings = () => h.server.current.sent.filter((s) => s === '{"action":"ping","payload":{}}').length;
    expect(pings()).toBe(0);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(pings()).toBe(1);
    h.server.current.receive({ action: 'ping', type: 'response', success: true, payload: {} });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(pings()).toBe(2);
  });

  it('keeps a link that answers its pings', async () => {
    const h = harness();
    await h.connect();
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(15_000);
      h.server.current.receive({ action: 'ping', type: 'response', success: true });
    }
    expect(h.client.state).toBe('online');
    expect(h.server.sockets).toHaveLength(1);
  });

  it('treats a link silent for 30 s as dead and reconnects', async () => {
    const h = harness();
    await h.connect();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(h.client.state).toBe('online');
    await vi.advanceTimersByTimeAsync(1);
    expect(h.client.state).toBe('reconnecting');
    expect(h.server.sockets[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(h.server.sockets).toHaveLength(2);
  });
});
