import type { StateInfo } from '../protocol/client-types';
import { isObject } from '../protocol/is-object';
import type { ConnectionState, LoginResponse } from '../protocol/types';

/**
 * What the visitor's tabs (of one license and group) tell each other. The leader announces itself
 * and its connection with `state`, then relays `login` and every `push`; a follower says `hello` when it
 * joins, which the leader answers with a `welcome` (its state, and its login and the pushes since that
 * change what the login says), asks the leader to `call` the client for it and gets the `reply`. `note` carries what the
 * stores share (chat/tab-peers.ts). `to` addresses one tab; the others ignore the message.
 */
export type TabMessage = { from?: string; to?: string } & (
  | { t: 'hello' }
  | { t: 'state'; state: ConnectionState; info: StateInfo }
  | { t: 'welcome'; state: ConnectionState; info: StateInfo; login?: LoginResponse; pushes: { name: string; payload: unknown }[] }
  | { t: 'login'; login: LoginResponse }
  | { t: 'push'; name: string; payload: unknown; requestId?: string }
  | { t: 'connect' }
  | { t: 'call'; id: number; op: CallOp; args: unknown[] }
  | { t: 'reply'; id: number; value?: unknown; error?: { type: string; message: string; data?: unknown } }
  | { t: 'note'; note: unknown }
);

/** What a follower asks the leader's connection for: a request, a read receipt, the upload's address and token. */
export type CallOp = 'request' | 'seen' | 'access';

/** The slice of `BroadcastChannel` the link uses, so tests can pass a fake. */
export interface TabChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/** The slice of the Web Locks API (`navigator.locks`) the link uses. */
export interface TabLocks {
  request(name: string, options: { signal: AbortSignal } | { ifAvailable: true }, fn: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/** What {@link openTabLink} needs: the name both the lock and the channel go by, and their makers. */
export interface TabLinkOptions {
  name: string;
  id: string;
  locks: TabLocks;
  channel: (name: string) => TabChannel;
}

/**
 * The visitor's tabs of one license and group, as one tab sees them: messages over a
 * `BroadcastChannel`, and the election of the one tab that holds the connection, by a Web Lock. The
 * lock is held until the tab goes (closed, crashed or discarded: the browser releases it) or `close()`,
 * and then the tab that asked next gets it, so there is always one leader while any tab is left.
 */
export function openTabLink(o: TabLinkOptions) {
  const { id } = o;
  const channel = o.channel(o.name);
  const listeners = new Set<(message: TabMessage) => void>();
  const abort = new AbortController();
  let release: (() => void) | undefined;
  let open = true;
  channel.onmessage = ({ data }) => {
    const m = data as TabMessage;
    if (!isObject(m) || (m.to !== undefined && m.to !== id)) return;
    for (const fn of [...listeners]) fn(m);
  };
  return {
    id,
    post(message: TabMessage): void {
      if (!open) return;
      try {
        channel.postMessage({ ...message, from: id });
      } catch (error) {
        // Only a value that cannot be cloned throws: a bug to report, not a reason to stop.
        console.error(error);
      }
    },
    listen(fn: (message: TabMessage) => void): () => void {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    /**
     * Queues this tab for the lead; `onLead(true)` runs when it gets it. With `now`, only if no tab
     * holds it: `onLead(false)` says that another does, and this tab is not queued.
     */
    lead(onLead: (leads: boolean) => void, now?: boolean): void {
      o.locks
        .request(o.name, now ? { ifAvailable: true } : { signal: abort.signal }, (lock) =>
          lock === null ? onLead(false) : new Promise<void>((resolve) => ((release = resolve), open ? onLead(true) : resolve())),
        )
        // Aborted by close() while queued.
        .catch(() => undefined);
    },
    /** Leaves: the lock (held or asked for) is released and the channel closed. */
    close(): void {
      open = false;
      abort.abort();
      release?.();
      listeners.clear();
      channel.onmessage = null;
      channel.close();
    },
  };
}

/** The object {@link openTabLink} returns. */
export type TabLink = ReturnType<typeof openTabLink>;
