import type { MethodWrappers, PayloadArg } from './method-wrappers';
import type { Action, ConnectionState, LoginResponse, MethodMap, PushMap } from './types';

/**
 * Details of a `connection_state` change: why, and for `reconnecting` which attempt and how soon.
 *
 * @example
 * client.on('connection_state', (state, info: StateInfo) => state === 'reconnecting' && console.log(`retry #${info.attempt} in ${info.retryInMs} ms`));
 */
export interface StateInfo {
  reason?: string;
  /** With a `misdirected_*` stop: the region that serves the license, where the client could not go. */
  region?: string;
  attempt?: number;
  retryInMs?: number;
}

/**
 * A dropped inbound frame: what was wrong with it, and the raw data.
 *
 * @example
 * client.on('frame_error', (e: FrameError) => console.warn('dropped frame:', e.reason));
 */
export interface FrameError {
  reason: string;
  data: unknown;
}

/**
 * Listener arguments of every name `on()` accepts: each push of {@link PushMap}, plus the client's own events.
 *
 * @example
 * const onState = (...[state, info]: ClientEvents['connection_state']) => console.log(state, info.reason);
 */
export type ClientEvents = { [K in keyof PushMap]: [payload: PushMap[K], requestId?: string] } & {
  /** Every push, including unknown ones. */
  push: [action: string, payload: unknown, requestId?: string];
  connection_state: [state: ConnectionState, info: StateInfo];
  /** After every successful login, including re-logins after a reconnect: resync here. */
  login: [login: LoginResponse];
  frame_error: [error: FrameError];
};

/**
 * The connection {@link createCustomerConnection} returns: the client without its method wrappers.
 *
 * @example
 * const connection: CustomerConnection = createCustomerConnection({ licenseId: 12345 });
 * await connection.request('get_chats_summary', { limit: 10 });
 */
export interface CustomerConnection {
  /** Connects and logs in; resolves with the login payload, rejects only once the client is `closed`. */
  connect(): Promise<LoginResponse>;
  /** Closes for good: releases the socket, every timer and every listener. */
  close(): void;
  /** Sends any customer method; settles exactly once (answer, `RtmError`, timeout or connection loss). */
  request<A extends Action>(action: A, ...payload: PayloadArg<A>): Promise<MethodMap[A]['response']>;
  /**
   * Sends a read receipt for `chatId` up to `upTo` (ms) in the dialect this connection speaks: the
   * seed's `update_last_seen_timestamp`, or, once the server refuses that as unknown, released v3.1's
   * `mark_events_as_seen` (with the refused receipt retried at once) until the next login. Resolves
   * with the time (ms) the server counts as seen.
   */
  markChatSeen(chatId: string, upTo: number): Promise<number>;
  /** Listens to a push or a client event; returns the unsubscribe. */
  on<K extends keyof ClientEvents>(name: K, fn: (...args: ClientEvents[K]) => void): () => void;
  readonly state: ConnectionState;
  /** Why the client is `closed`: a server reason such as `customer_banned`, or `client_closed`. */
  readonly closeReason: string | undefined;
  /** How many malformed inbound frames were dropped. */
  readonly droppedFrames: number;
}

/**
 * The client {@link createCustomerClient} returns: the connection plus a camelCase wrapper per method.
 *
 * @example
 * const client: CustomerClient = createCustomerClient({ licenseId: 12345 });
 * await client.connect();
 */
export interface CustomerClient extends CustomerConnection, MethodWrappers {}
