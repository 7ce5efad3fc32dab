import { API_VERSION } from './api-version';
import { backoff } from './backoff';
import { browserDefaults } from './browser-defaults';
import type { EnvironmentSignal } from './browser-environment';
import { clientOptions, type CustomerClientOptions, type SocketLike } from './client-options';
import { disconnectPolicy } from './disconnect-policy';
import { emitter } from './emitter';
import { heartbeat, type Heartbeat } from './heartbeat';
import { inbound } from './inbound';
import { loginPayload } from './login-payload';
import type { ClientEvents, CustomerConnection, StateInfo } from './client-types';
import { pendingRequests } from './pending-requests';
import { readReceipts } from './read-receipts';
import { regionSwitch } from './region-switch';
import { RtmError } from './rtm-error';
import { safeStorage } from './safe-storage';
import { socketRequests } from './socket-requests';
import { sideStorage } from './side-storage';
import { tokenSource } from './token-source';
import type { ConnectionState, LoginResponse } from './types';

/**
 * Every change of the connection state, by what happened, and the state it leads to. `go` below is the
 * only place the state changes.
 */
const TRANSITIONS = {
  /** `connect()`, a retry, or the network back: a socket and a token are on their way. */
  open: 'connecting',
  /** Both arrived: `login` is sent. */
  socket_open: 'logging_in',
  logged_in: 'online',
  /** The link is gone; a retry is scheduled. */
  lost: 'reconnecting',
  /** The browser reports no network: no retry until it is back. */
  network_down: 'offline',
  /** `inactivity_timeout`: nothing until the next `connect()`. */
  paused: 'idle',
  /** For good: `close()`, or a reason retrying cannot fix (see `closeReason`). */
  stopped: 'closed',
} as const satisfies Record<string, ConnectionState>;

const CONNECT_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const PING = '{"action":"ping","payload":{}}';

/**
 * The connection under {@link createCustomerClient}: one WebSocket with login, ping, typed requests
 * and pushes, token handling, `customer_side_storage`, and reconnects with backoff, but no camelCase
 * method wrappers. Code that sends every method through `request()` (the widget) uses this, so its
 * bundle leaves the wrappers' action table out. Nothing happens until `connect()`.
 */
export function createCustomerConnection(options: CustomerClientOptions): CustomerConnection {
  const o = clientOptions(options);
  const { clock } = o;
  const events = emitter<ClientEvents>();
  const pending = pendingRequests(clock);
  const { send, trySend } = socketRequests(pending, REQUEST_TIMEOUT_MS);
  const store = safeStorage(o.storage);
  const side = sideStorage(store, o.licenseId);
  const route = inbound(pending, side, events);
  const tokens = tokenSource({ ...o, storage: store, redirectUri: browserDefaults().redirectUri });
  const regions = regionSwitch(store, o.licenseId, o.apiUrl);

  let state: ConnectionState = 'idle';
  let closeReason: string | undefined;
  let closed: RtmError | undefined;
  let socket: SocketLike | undefined;
  let beat: Heartbeat | undefined;
  let connectTimer: unknown;
  let retryTimer: unknown;
  let run = 0; // bumped whenever a connection is torn down, so its late callbacks know they are stale
  let attempt = 0; // reconnects since the last successful login
  let refreshed = false; // a fresh token was already tried since the last successful login
  let networkDown = false;
  let lastLogin: LoginResponse | undefined;
  const waiters: { resolve(l: LoginResponse): void; reject(e: RtmError): void }[] = [];
  let unwatch: (() => void) | undefined;

  const go = (transition: keyof typeof TRANSITIONS, info: StateInfo = {}) => {
    state = TRANSITIONS[transition];
    events.emit('connection_state', state, info);
  };

  const request: CustomerConnection['request'] = (action, payload = {}) => {
    if (state !== 'online' || !socket) {
      return Promise.reject(new RtmError('not_connected', `Cannot send ${action} while ${state}`));
    }
    return send(socket, action, payload) as Promise<never>;
  };
  const receipts = readReceipts(request);

  const teardown = () => {
    run++;
    clock.clearTimeout(connectTimer);
    clock.clearTimeout(retryTimer);
    beat?.stop();
    beat = undefined;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      try {
        socket.close();
      } catch {
        // Already closed or never opened: nothing left to release.
      }
      socket = undefined;
    }
    pending.failAll(new RtmError('connection_lost', 'The connection was lost'));
  };

  /** Closes for good; `region` names the region that serves the license when the client could not go there. */
  const stop = (reason: string, region?: unknown) => {
    const info: StateInfo = typeof region === 'string' ? { reason, region } : { reason };
    const where = info.region ? ` (the license is served from region ${info.region})` : '';
    closeReason = reason;
    closed = new RtmError('closed', `The client is closed: ${reason}${where}`, info);
    teardown();
    unwatch?.();
    unwatch = undefined;
    go('stopped', info);
    for (const w of waiters.splice(0)) w.reject(closed);
  };

  /** The connection ended (or never came up): react to `reason` (and its `data`) per the disconnect policy. */
  const lost = (reason: string, data?: unknown) => {
    teardown();
    const action = disconnectPolicy(reason);
    if (action === 'stop') return stop(reason);
    if (action === 'pause') return go('paused', { reason });
    let delay: number | undefined;
    if (action === 'switch_region') {
      const region = (data as { region?: unknown } | null | undefined)?.region;
      if (!regions.redirect(region)) return stop(reason, region);
      delay = 0;
    }
    if (action === 'refresh_token') {
      tokens.invalidate();
      if (!refreshed) delay = 0;
      refreshed = true;
    }
    delay ??= backoff(attempt, o.random());
    attempt++;
    if (networkDown) return go('network_down', { reason });
    go('lost', { reason, attempt, retryInMs: delay });
    retryTimer = clock.setTimeout(open, delay);
  };

  const receive = (data: unknown) => {
    beat?.seen();
    const bye = route.receive(data);
    if (bye) lost(bye.reason, bye.data);
  };

  const login = (ws: SocketLike, accessToken: string) => {
    const current = run;
    go('socket_open');
    send(ws, 'login', loginPayload(o, accessToken, side.read())).then(
      (response) => {
        if (current !== run) return;
        const result = response as LoginResponse;
        attempt = 0;
        refreshed = false;
        lastLogin = result;
        regions.loggedIn();
        receipts.reset();
        beat = heartbeat(clock, () => trySend(ws, PING), () => lost('ping_timeout'));
        go('logged_in');
        events.emit('login', result);
        for (const w of waiters.splice(0)) w.resolve(result);
      },
      (error: RtmError) => current === run && lost(error.type, error.data),
    );
  };

  const open = () => {
    teardown();
    const current = run;
    go('open', { attempt });
    // The token and the socket's handshake travel together, a round trip less before login (the
    // server waits 30 s for it). A token that fails ends this attempt at once, socket and all.
    let accessToken: string | undefined;
    const token = tokens.get().then(
      (t) => void (accessToken = t.accessToken),
      () => current === run && lost('token_error'),
    );
    const ws = new o.WebSocket(`${regions.url}/v${API_VERSION}/customer/rtm/ws?license_id=${o.licenseId}`);
    socket = ws;
    connectTimer = clock.setTimeout(() => lost('connect_timeout'), CONNECT_TIMEOUT_MS);
    // Logs in once both are there: at the socket's open if the token came first, else when it comes.
    const logIn = () => {
      if (current === run && accessToken !== undefined) login(ws, accessToken);
    };
    ws.onopen = () => {
      clock.clearTimeout(connectTimer);
      if (accessToken !== undefined) logIn();
      else void token.then(logIn);
    };
    ws.onmessage = ((e: { data: unknown }) => receive(e.data)) as (ev: never) => void;
    ws.onclose = () => lost('socket_closed');
  };

  const onSignal = (signal: EnvironmentSignal) => {
    if (signal !== 'visible') networkDown = signal === 'offline';
    if (networkDown) {
      if (state === 'reconnecting') {
        clock.clearTimeout(retryTimer);
        go('network_down');
      }
    } else if (state === 'reconnecting' || state === 'offline') void open();
    else if (state === 'online') beat?.check();
  };

  return {
    connect() {
      if (closed) return Promise.reject(closed);
      if (state === 'online') return Promise.resolve(lastLogin as LoginResponse);
      unwatch ??= o.environment?.watch(onSignal);
      const login = new Promise<LoginResponse>((resolve, reject) => waiters.push({ resolve, reject }));
      if (state !== 'connecting' && state !== 'logging_in') void open();
      return login;
    },
    close() {
      if (state !== 'closed') stop('client_closed');
      events.clear();
    },
    request,
    markChatSeen: receipts.mark,
    async uploadAccess(refresh) {
      if (closed) throw closed;
      if (refresh) tokens.invalidate();
      return {
        url: `${regions.url.replace(/^ws/, 'http')}/v${API_VERSION}/customer/action/upload_file?license_id=${o.licenseId}`,
        authorization: `Bearer ${(await tokens.get()).accessToken}`,
      };
    },
    on: events.on,
    get state() {
      return state;
    },
    get closeReason() {
      return closeReason;
    },
    get droppedFrames() {
      return route.dropped;
    },
  };
}
