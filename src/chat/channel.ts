import { backoff } from '../protocol/backoff';
import type { Clock } from '../protocol/clock';
import type { Action, LoginResponse, MethodMap } from '../protocol/types';
import type { ChatClient } from './chat-client';
import { isConnectionError } from './error-info';

/** What {@link createChannel} needs: the client, and how to bring the chat up to date after a login. */
export interface ChannelOptions {
  client: ChatClient;
  clock: Clock;
  random: () => number;
  /** Refetches after `login` (or on the same login when null); resolves false when `isCurrent` went false. */
  sync(login: LoginResponse | null, isCurrent: () => boolean): Promise<boolean>;
  fail(action: string, error: unknown): void;
}

/**
 * The one place the chat's requests wait for the connection, as phoenix's `Channel.push` buffers
 * until the channel is joined. The channel opens once the client is logged in and `sync` has
 * refetched the chat, so nothing goes out on a stale view (a resend of what the server already has);
 * it closes when the connection drops. A failed sync is retried with backoff.
 */
export function createChannel(o: ChannelOptions) {
  const { client, clock } = o;
  let open = false;
  let disposed = false;
  let generation = 0;
  let retryTimer: unknown;
  let waiting: (() => void)[] = [];
  const listeners = new Set<() => void>();

  const opened = () => {
    open = true;
    const ready = waiting;
    waiting = [];
    for (const fn of ready) fn();
    for (const fn of [...listeners]) fn();
  };

  function send<T>(run: () => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = (): void => {
        if (!open) return void waiting.push(attempt);
        run().then(resolve, (error: unknown) => (isConnectionError(error) ? waiting.push(attempt) : reject(error)));
      };
      attempt();
    });
  }

  const reopen = (login: LoginResponse | null): void => {
    const mine = ++generation;
    const isCurrent = () => mine === generation && !disposed;
    open = false;
    clock.clearTimeout(retryTimer);
    const attempt = (n: number): void =>
      void o.sync(login, isCurrent).then(
        (ok) => ok && isCurrent() && opened(),
        (error: unknown) => {
          // A dropped link brings a new login, and with it a new sync.
          if (!isCurrent() || isConnectionError(error)) return;
          o.fail('resync', error);
          retryTimer = clock.setTimeout(() => isCurrent() && attempt(n + 1), backoff(n + 1, o.random()));
        },
      );
    attempt(0);
  };

  const stops = [
    client.on('connection_state', (state) => {
      if (state !== 'online') open = false;
    }),
    client.on('login', reopen),
  ];

  return {
    isOpen: () => open,
    /** Runs `fn` every time the channel opens (after each login's sync). */
    onOpen(fn: () => void): void {
      listeners.add(fn);
    },
    /**
     * Runs `send` (a request to the server) once the channel is open, waiting if it is not; one lost
     * with the connection runs again after the next open. Settles with the server's answer or refusal.
     */
    send,
    request<A extends Action>(action: A, payload: MethodMap[A]['request']): Promise<MethodMap[A]['response']> {
      return send(() => client.request(action, ...([payload] as [never])));
    },
    /** Closes and refetches on the same login: a request went unanswered, so the server may have done more than we know. */
    refetch: () => reopen(null),
    dispose(): void {
      disposed = true;
      open = false;
      generation++;
      clock.clearTimeout(retryTimer);
      waiting = [];
      listeners.clear();
      for (const stop of stops) stop();
    },
  };
}

/** The object {@link createChannel} returns. */
export type Channel = ReturnType<typeof createChannel>;
