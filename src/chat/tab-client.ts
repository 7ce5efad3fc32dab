import type { ClientEvents, CustomerConnection, StateInfo } from '../protocol/client-types';
import type { Clock } from '../protocol/clock';
import { emitter } from '../protocol/emitter';
import { RtmError } from '../protocol/rtm-error';
import type { ConnectionState, LoginResponse } from '../protocol/types';
import type { ChatClient } from './chat-client';
import { follow } from './tab-follow';
import type { CallOp, TabLink, TabMessage } from './tab-link';
import type { TabPeers } from './tab-peers';
import { keepSince, notesOver, type TabState } from './tab-start';

/** The connection the leading tab makes: the client's, or a fake in tests. */
export type Connection = ChatClient & Pick<CustomerConnection, 'close'>;

/** What {@link createTabClient} needs: the tabs' link, and how to make a connection once leading. */
export interface TabClientOptions {
  link: TabLink;
  connection: () => Connection;
  clock: Clock;
}

/** A tab client's state as its parts (tab-follow.ts, tab-serve.ts) share it: the connection as this tab knows it, its own or the leader's. */
export interface TabCore extends TabState {
  clock: Clock;
  state: ConnectionState;
  readonly leads: boolean;
  changed(state: ConnectionState, info: StateInfo): void;
  loggedIn(login: LoginResponse): void;
  pushed(name: string, payload: unknown, requestId?: string): void;
}

const closedError = (info: StateInfo) => new RtmError('closed', `The client is closed: ${info.reason}`, info);

/**
 * The chat client of a tab among the visitor's tabs: the surface the store already consumes
 * (`connect`, `request`, `markChatSeen`, `on`, `state`), whichever tab holds the socket. On
 * `connect()` the tab joins the election. While another tab leads, it is that tab's client at one
 * remove (tab-follow.ts): requests travel to the leader over the link and their answers back, and the
 * leader's connection state, logins and pushes arrive as if from a socket of its own. Once it leads,
 * it makes its own connection and connects it, and relays it to the tabs that join (tab-serve.ts,
 * loaded then). A tab that leads from the start never loads this (tab-start.ts). Calls to a
 * leader that goes fail with `connection_lost`, as on a dropped socket: the store's channel sends them
 * again after the next login. It is also the store's {@link TabPeers}.
 */
export function createTabClient(o: TabClientOptions): ChatClient & TabPeers & { close(): void } {
  const { link } = o;
  const events = emitter<ClientEvents>();
  let real: Connection | undefined;
  let serving: Promise<(m: TabMessage) => void> | undefined;
  let followed = false;
  let joined = false;
  let closed = false;
  let waiters: [(login: LoginResponse) => void, (error: RtmError) => void][] = [];

  const core: TabCore = {
    link,
    clock: o.clock,
    state: 'idle',
    info: {},
    login: undefined,
    since: [],
    get leads() {
      return !!real;
    },
    changed(state, info) {
      core.state = state;
      core.info = info;
      events.emit('connection_state', state, info);
      if (state == 'closed') for (const [, reject] of waiters.splice(0)) reject(closedError(info));
    },
    loggedIn(login) {
      core.login = login;
      events.emit('login', login);
      for (const [resolve] of waiters.splice(0)) resolve(login);
    },
    pushed(name, payload, requestId) {
      events.emit('push', name, payload, requestId);
      (events.emit as (name: string, ...args: unknown[]) => void)(name, payload, requestId);
    },
  };

  const follower = follow(core);
  const serve = (conn: Connection) => (serving ??= import('./tab-serve').then((part) => part.serve(core, conn)));
  const lead = () => {
    // What the old leader was asked is lost with it.
    follower.fail(new RtmError('connection_lost', 'The leading tab went away'));
    const conn = (real = o.connection());
    // A tab that heard others takes over from a leader they followed: it tells them at once.
    if (followed) void serve(conn).catch(() => (serving = undefined));
    conn.on('connection_state', core.changed);
    conn.on('login', (login) => {
      core.since = [];
      core.loggedIn(login);
    });
    conn.on('push', (name, payload, requestId) => {
      core.since = keepSince(core.since, name, payload);
      core.pushed(name, payload, requestId);
    });
    void conn.connect().catch(() => undefined);
  };

  const stopListening = link.listen((m) => {
    if (m.t == 'note' || closed || !joined) return;
    if (real) serve(real).then((answer) => answer(m), () => (serving = undefined));
    else {
      followed = true;
      follower.heard(m);
    }
  });

  return {
    get state() {
      return core.state;
    },
    get leads() {
      return !!real;
    },
    connect() {
      if (closed || core.state == 'closed') return Promise.reject(closedError(core.info));
      if (core.state == 'online' && core.login) return Promise.resolve(core.login);
      const waiting = new Promise<LoginResponse>((resolve, reject) => waiters.push([resolve, reject]));
      if (real) void real.connect().catch(() => undefined);
      else if (!joined) {
        joined = true;
        core.changed('connecting', {});
        link.lead(lead);
        link.post({ t: 'hello' });
      } else follower.connect();
      return waiting;
    },
    request: ((action: string, payload: unknown = {}) =>
      real ? real.request(action as never, payload as never) : relay('request', [action, payload], action)) as ChatClient['request'],
    markChatSeen: (chatId, upTo) => (real ? real.markChatSeen(chatId, upTo) : relay('seen', [chatId, upTo], 'markChatSeen')),
    // The leading tab uploads the outbox's files; a follower asks it for the address and token too.
    uploadAccess: (refresh) => (real ? real.uploadAccess(refresh) : relay('access', [refresh], 'upload_file')),
    on: events.on,
    ...notesOver(link),
    close() {
      if (closed) return;
      closed = true;
      stopListening();
      // The link first: the others must not hear this connection close, only see the next leader come.
      link.close();
      const error = new RtmError('closed', 'The client is closed: client_closed');
      follower.fail(error);
      for (const [, reject] of waiters.splice(0)) reject(error);
      real?.close();
      events.clear();
    },
  };

  function relay(op: CallOp, args: unknown[], action: string): Promise<never> {
    if (core.state != 'online') return Promise.reject(new RtmError('not_connected', `Cannot send ${action} while ${core.state}`));
    return follower.call(op, args, action);
  }
}
