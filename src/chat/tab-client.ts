import type { ClientEvents, CustomerConnection, StateInfo } from '../protocol/client-types';
import type { Clock } from '../protocol/clock';
import { emitter } from '../protocol/emitter';
import { RtmError } from '../protocol/rtm-error';
import type { ConnectionState, LoginResponse } from '../protocol/types';
import type { ChatClient } from './chat-client';
import type { TabLink, TabMessage } from './tab-link';
import type { TabPeers } from './tab-peers';

/** The connection the leading tab makes: the client's, or a fake in tests. */
export type Connection = ChatClient & Pick<CustomerConnection, 'close'>;

/** What {@link createTabClient} needs: the tabs' link, and how to make a connection once leading. */
export interface TabClientOptions {
  link: TabLink;
  connection: () => Connection;
  clock: Clock;
}

// A relayed call the leader never answers (it went with its tab unnoticed) fails like a request the
// server never answers.
const CALL_TIMEOUT_MS = 20_000;
type Call = { resolve(value: unknown): void; reject(error: RtmError): void; timer: unknown };

/**
 * The chat client of a tab among the visitor's tabs: the surface the store already consumes
 * (`connect`, `request`, `markChatSeen`, `on`, `state`), whichever tab holds the socket. On
 * `connect()` the tab joins the election. While another tab leads, it is that tab's client at one
 * remove: requests travel to the leader over the link and their answers back, and the leader's
 * connection state, logins and pushes arrive as if from a socket of its own. Once it leads, it makes
 * its own connection, connects it and relays it to the others. Calls to a leader that goes fail with
 * `connection_lost`, as on a dropped socket: the store's channel sends them again after the next login.
 * It is also the store's {@link TabPeers}.
 */
export function createTabClient(o: TabClientOptions): ChatClient & TabPeers & { close(): void } {
  const { link, clock } = o;
  const events = emitter<ClientEvents>();
  const calls = new Map<number, Call>();
  let real: Connection | undefined;
  let leader: string | undefined;
  let state: ConnectionState = 'idle';
  let info: StateInfo = {};
  let login: LoginResponse | undefined;
  // Pushes since the last login that change what it says (availability): a tab that joins hears them after it.
  let since: { name: string; payload: unknown }[] = [];
  let joined = false;
  let closed = false;
  let callId = 0;
  let waiters: [(login: LoginResponse) => void, (error: RtmError) => void][] = [];

  const settle = (id: number, value?: unknown, error?: RtmError) => {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    clock.clearTimeout(call.timer);
    if (error) call.reject(error);
    else call.resolve(value);
  };
  const failCalls = (error = new RtmError('connection_lost', 'The leading tab went away')) => {
    for (const id of [...calls.keys()]) settle(id, undefined, error);
  };
  const closedError = () => new RtmError('closed', `The client is closed: ${info.reason}`, info);

  const changed = (next: ConnectionState, nextInfo: StateInfo) => {
    state = next;
    info = nextInfo;
    events.emit('connection_state', next, nextInfo);
    if (next == 'closed') for (const [, reject] of waiters.splice(0)) reject(closedError());
  };
  const loggedIn = (next: LoginResponse) => {
    login = next;
    events.emit('login', next);
    for (const [resolve] of waiters.splice(0)) resolve(next);
  };
  const pushed = (name: string, payload: unknown, requestId?: string) => {
    events.emit('push', name, payload, requestId);
    (events.emit as (name: string, ...args: unknown[]) => void)(name, payload, requestId);
  };

  /** The leader's connection as a follower hears it. */
  const follow = (m: TabMessage) => {
    if (m.t == 'state' || (m.t == 'welcome' && m.from != leader)) {
      if (m.from != leader) {
        // A new leader: what the old one was asked is lost with it.
        failCalls();
        leader = m.from;
      }
      changed(m.state, m.info);
      if (m.t == 'state') return;
      if (m.login) loggedIn(m.login);
      for (const p of m.pushes) pushed(p.name, p.payload);
    } else if (m.from != leader) return;
    else if (m.t == 'login') loggedIn(m.login);
    else if (m.t == 'push') pushed(m.name, m.payload, m.requestId);
    else if (m.t == 'reply') settle(m.id, m.value, m.error && new RtmError(m.error.type, m.error.message, m.error.data));
  };

  /** The leader answers a joining tab and the others' calls. */
  const serve = (conn: Connection, m: TabMessage) => {
    const to = m.from;
    if (m.t == 'hello') {
      // The login's list of chats is from before this tab joined: without it (as from a server that
      // sends none), the tab's sync asks for them (resync.ts).
      const known = state == 'online' ? login : undefined;
      link.post({ t: 'welcome', to, state, info, pushes: known ? since : [], login: known && { ...known, chats: undefined as never } });
    } else if (m.t == 'connect') void conn.connect().catch(() => undefined);
    else if (m.t == 'call') {
      const [a, b] = m.args as [never, never];
      (m.op == 'seen' ? conn.markChatSeen(a, b) : conn.request(a, b)).then(
        (value) => link.post({ t: 'reply', to, id: m.id, value }),
        (e: RtmError) => link.post({ t: 'reply', to, id: m.id, error: { type: e?.type ?? 'internal', message: String(e?.message ?? e), data: e?.data } }),
      );
    }
  };

  const lead = () => {
    failCalls();
    leader = link.id;
    const conn = (real = o.connection());
    conn.on('connection_state', (next, nextInfo) => {
      changed(next, nextInfo);
      link.post({ t: 'state', state: next, info: nextInfo });
    });
    conn.on('login', (next) => {
      since = [];
      loggedIn(next);
      link.post({ t: 'login', login: next });
    });
    conn.on('push', (name, payload, requestId) => {
      if (name == 'incoming_multicast') since = [...since.slice(-19), { name, payload }];
      pushed(name, payload, requestId);
      link.post({ t: 'push', name, payload, requestId });
    });
    // Its first state (`connecting`) announces the new leader to the others.
    void conn.connect().catch(() => undefined);
  };

  const call = (op: 'request' | 'seen', args: unknown[], action: string): Promise<never> => {
    if (state != 'online' || !leader) return Promise.reject(new RtmError('not_connected', `Cannot send ${action} while ${state}`));
    return new Promise((resolve, reject) => {
      const id = ++callId;
      calls.set(id, { resolve: resolve as Call['resolve'], reject, timer: clock.setTimeout(() => settle(id, undefined, new RtmError('request_timeout', `No answer to ${action}`)), CALL_TIMEOUT_MS) });
      link.post({ t: 'call', to: leader, id, op, args });
    });
  };

  const stopListening = link.listen((m) => {
    if (m.t == 'note' || closed) return;
    if (real) serve(real, m);
    else if (joined) follow(m);
  });

  return {
    get state() {
      return state;
    },
    get leads() {
      return !!real;
    },
    connect() {
      if (closed || state == 'closed') return Promise.reject(closedError());
      if (state == 'online' && login) return Promise.resolve(login);
      const waiting = new Promise<LoginResponse>((resolve, reject) => waiters.push([resolve, reject]));
      if (real) void real.connect().catch(() => undefined);
      else if (!joined) {
        joined = true;
        changed('connecting', {});
        link.lead(lead);
        link.post({ t: 'hello' });
      } else if (leader) link.post({ t: 'connect', to: leader });
      return waiting;
    },
    request: ((action: string, payload: unknown = {}) =>
      real ? real.request(action as never, payload as never) : call('request', [action, payload], action)) as ChatClient['request'],
    markChatSeen: (chatId, upTo) => (real ? real.markChatSeen(chatId, upTo) : call('seen', [chatId, upTo], 'markChatSeen')),
    on: events.on,
    post: (note) => link.post({ t: 'note', note }),
    listen: (fn) => link.listen((m) => m.t == 'note' && !closed && fn(m.note as never)),
    close() {
      if (closed) return;
      closed = true;
      stopListening();
      // The link first: the others must not hear this connection close, only see the next leader come.
      link.close();
      failCalls(new RtmError('closed', 'The client is closed: client_closed'));
      for (const [, reject] of waiters.splice(0)) reject(new RtmError('closed', 'The client is closed: client_closed'));
      real?.close();
      events.clear();
    },
  };
}
