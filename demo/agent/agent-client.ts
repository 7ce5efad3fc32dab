// A small Agent Chat RTM API v3.0 client (seed 000) shared by the agent console (browser
// WebSocket) and the demo bot (`ws` in Node): login first, a ping every 15 s, requests settled
// by their response, pushes handed to listeners, and reconnect with backoff after a drop. The
// socket factory and timers are injected, so both runtimes (and tests) bring their own.
import { backoff } from '../../src/protocol/backoff';

/** The part of a WebSocket this client uses; browsers' and `ws`'s sockets both have it. */
export interface AgentSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type AgentConnectionState = 'connecting' | 'online' | 'reconnecting' | 'closed';

/** A JSON object as the API sends it. */
export type Json = Record<string, any>;

export interface AgentClientOptions {
  /** Sandbox or API base, e.g. `ws://127.0.0.1:8081`; the client adds `/v3.0/agent/rtm/ws`. */
  url: string;
  /** Agent access token; sent at login as `Bearer <token>`. */
  token: string;
  /** Opens a socket (browser: `(u) => new WebSocket(u)`). */
  connect: (url: string) => AgentSocket;
  /** Extra login fields (`application`, `timezone`…). */
  login?: Json;
  pingMs?: number;
  requestTimeoutMs?: number;
  random?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

/** `agent_disconnected` reasons worth reconnecting after (seed 002); the others end the session. */
const TRANSIENT = new Set(['ping_timeout', 'internal_error']);

/** An error answer of the API (`payload.error`), or a request that never got one. */
export class AgentApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgentApiError';
  }
}

export interface AgentClient {
  readonly state: AgentConnectionState;
  /** Sends a request once online; resolves with the response payload, rejects with AgentApiError. */
  request<T = Json>(action: string, payload?: Json): Promise<T>;
  /** Listens to one push action; returns the unsubscribe. */
  on(action: string, listener: (payload: Json) => void): () => void;
  /** Every successful login (the first and each after a reconnect) with its response payload. */
  onLogin(listener: (payload: Json) => void): () => void;
  /** Connection state changes; `error` says why the client stopped or is retrying. */
  onState(listener: (state: AgentConnectionState, error?: AgentApiError) => void): () => void;
  /** Closes the socket for good; pending requests fail. */
  close(): void;
}

/**
 * Connects and logs in at once; reconnects after a drop until `close()` or a refused login.
 * @example
 * const client = createAgentClient({ url: 'ws://127.0.0.1:8081', token: 'demo-agent-token', connect: (u) => new WebSocket(u) });
 * client.onLogin(({ my_profile }) => console.log(my_profile.name));
 * client.on('incoming_event', ({ chat_id, event }) => console.log(chat_id, event.text));
 */
export function createAgentClient(options: AgentClientOptions): AgentClient {
  const setT = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clearT = options.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  const random = options.random ?? Math.random;
  const pingMs = options.pingMs ?? 15_000;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const pushListeners = new Map<string, Set<(payload: Json) => void>>();
  const loginListeners = new Set<(payload: Json) => void>();
  const stateListeners = new Set<(state: AgentConnectionState, error?: AgentApiError) => void>();
  const pending = new Map<string, { resolve: (p: any) => void; reject: (e: AgentApiError) => void; timer: unknown }>();
  let state: AgentConnectionState = 'connecting';
  let socket: AgentSocket | undefined;
  let pingTimer: unknown;
  let retryTimer: unknown;
  let attempt = 0;
  let nextId = 0;

  const setState = (next: AgentConnectionState, error?: AgentApiError): void => {
    state = next;
    for (const l of [...stateListeners]) l(next, error);
  };

  const failPending = (error: AgentApiError): void => {
    for (const [id, p] of pending) {
      clearT(p.timer);
      pending.delete(id);
      p.reject(error);
    }
  };

  const send = (action: string, payload: Json, online: boolean): Promise<any> =>
    new Promise((resolve, reject) => {
      if (!socket || socket.readyState !== 1 || (online && state !== 'online')) {
        return reject(new AgentApiError('connection', `not connected (${state})`));
      }
      const id = `a${++nextId}`;
      const timer = setT(() => {
        pending.delete(id);
        reject(new AgentApiError('request_timeout', `${action} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ request_id: id, action, payload }));
    });

  const schedulePing = (): void => {
    pingTimer = setT(() => {
      if (socket?.readyState === 1) socket.send(JSON.stringify({ action: 'ping', payload: {} }));
      schedulePing();
    }, pingMs);
  };

  const onFrame = (raw: unknown): void => {
    let frame: Json;
    try {
      frame = JSON.parse(String(raw)) as Json;
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    // A push may carry the requester's request_id: only responses settle requests.
    if (frame.type === 'response' && typeof frame.request_id === 'string') {
      const p = pending.get(frame.request_id);
      if (!p) return;
      pending.delete(frame.request_id);
      clearT(p.timer);
      if (frame.success === true) p.resolve(frame.payload ?? {});
      else p.reject(new AgentApiError(frame.payload?.error?.type ?? 'internal', frame.payload?.error?.message ?? 'request failed'));
    } else if (frame.type === 'push' && typeof frame.action === 'string') {
      for (const l of [...(pushListeners.get(frame.action) ?? [])]) l(frame.payload ?? {});
      const reason = frame.payload?.reason;
      if (frame.action === 'agent_disconnected' && typeof reason === 'string' && !TRANSIENT.has(reason)) {
        stop(new AgentApiError(reason, `disconnected by the server: ${reason}`));
      }
    }
  };

  const open = (): void => {
    const ws = options.connect(`${options.url.replace(/\/$/, '')}/v3.0/agent/rtm/ws`);
    socket = ws;
    ws.onmessage = (event) => onFrame(event.data);
    ws.onerror = () => undefined;
    ws.onopen = () => {
      send('login', { ...options.login, token: `Bearer ${options.token}` }, false).then(
        (payload: Json) => {
          attempt = 0;
          setState('online');
          schedulePing();
          for (const l of [...loginListeners]) l(payload);
        },
        (error: AgentApiError) => {
          // A refused token will not get better by retrying.
          if (error.type === 'authentication' || error.type === 'authorization') stop(error);
          else ws.close();
        },
      );
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      clearT(pingTimer);
      failPending(new AgentApiError('connection', 'connection lost'));
      if (state === 'closed') return;
      setState('reconnecting');
      retryTimer = setT(open, backoff(attempt++, random()));
    };
  };

  const stop = (error?: AgentApiError): void => {
    if (state === 'closed') return;
    setState('closed', error);
    clearT(pingTimer);
    clearT(retryTimer);
    failPending(error ?? new AgentApiError('connection', 'client closed'));
    socket?.close(1000, 'bye');
  };

  open();
  return {
    get state() {
      return state;
    },
    request: (action, payload = {}) => send(action, payload, true),
    on(action, listener) {
      const set = pushListeners.get(action) ?? new Set();
      pushListeners.set(action, set.add(listener));
      return () => set.delete(listener);
    },
    onLogin(listener) {
      loginListeners.add(listener);
      return () => loginListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close: () => stop(),
  };
}
