// The browser's side of the visitor's tabs, faked: Web Locks granted in request order (or refused
// at once when asked `ifAvailable` while held), and a
// BroadcastChannel that delivers a clone of each message (Blobs by reference) to the other channels of its name in a
// later task, in order. `crash()` takes a tab away as a crash or a discarded tab does: its lock
// released and its channel gone, none of its code run.
// The tabs' parts that load later (the tab client when another tab leads, serving with the first
// message from another tab), loaded here, so those imports settle within deliver() as they would
// once a browser has the chunks.
import '../../../src/chat/tab-client';
import '../../../src/chat/tab-serve';
import type { TabChannel, TabLocks } from '../../../src/chat/tab-link';
import { openTabLink } from '../../../src/chat/tab-link';

interface Waiter {
  tab: string;
  fn: () => Promise<void>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Channel = TabChannel & { name: string; tab: string };

const withBlobs = (v: unknown): unknown =>
  v instanceof Blob ? v : Array.isArray(v) ? v.map(withBlobs) : v && typeof v == 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withBlobs(x)])) : v;

export const LINK_NAME = 'chatlet1:1:0';

export function fakeBrowser() {
  const queues = new Map<string, Waiter[]>();
  const holders = new Map<string, Waiter | undefined>();
  const channels = new Set<Channel>();

  const release = (name: string, waiter: Waiter) => {
    if (holders.get(name) !== waiter) return;
    holders.set(name, undefined);
    grant(name);
  };
  const grant = (name: string) => {
    if (holders.get(name)) return;
    const next = queues.get(name)?.shift();
    if (!next) return;
    holders.set(name, next);
    // Granted in a later task, as browsers do.
    setTimeout(() =>
      next.fn().then(
        (value) => {
          release(name, next);
          next.resolve(value);
        },
        next.reject,
      ),
    );
  };

  const locksOf = (tab: string): TabLocks => ({
    request(name, options, fn) {
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { tab, fn: () => Promise.resolve(fn(true)), resolve, reject };
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        if ('ifAvailable' in options && (holders.get(name) || queue.length > 0)) {
          // Held by another tab: the callback hears so in a later task, and this tab is not queued.
          setTimeout(() => Promise.resolve(fn(null)).then(resolve, reject));
          return;
        }
        const { signal } = options as { signal?: AbortSignal };
        queue.push(waiter);
        signal?.addEventListener('abort', () => {
          const at = queue.indexOf(waiter);
          if (at === -1) return;
          queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        grant(name);
      });
    },
  });

  const channelOf = (tab: string) => (name: string) => {
    const ch: Channel = {
      name,
      tab,
      onmessage: null,
      postMessage(message) {
        if (!channels.has(ch)) return;
        // A clone, as the browser delivers; a Blob crosses as the same bytes (Node's structuredClone
        // cannot clone happy-dom's), and is not copied by the browser either.
        structuredClone(message);
        const data = withBlobs(message);
        for (const other of channels) {
          if (other !== ch && other.name === name) setTimeout(() => channels.has(other) && other.onmessage?.({ data }));
        }
      },
      close() {
        channels.delete(ch);
      },
    };
    channels.add(ch);
    return ch;
  };

  let tabs = 0;
  return {
    /** A new tab's link, as `openTabLink` makes it over this browser's locks and channels. */
    link(name = LINK_NAME) {
      const id = `tab-${++tabs}`;
      const link = openTabLink({ name, id, locks: locksOf(id), channel: channelOf(id) });
      return Object.assign(link, {
        crash() {
          for (const ch of [...channels]) if (ch.tab === id) channels.delete(ch);
          for (const [lock, queue] of queues) queues.set(lock, queue.filter((w) => w.tab !== id));
          for (const [lock, holder] of holders) if (holder?.tab === id) release(lock, holder);
        },
      });
    },
    /** The id of the tab holding the lock. */
    leader: (name = LINK_NAME) => holders.get(name)?.tab,
  };
}

/** Lets the fake browser deliver: a few rounds of tasks and the promise chains they start. */
export async function deliver(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let j = 0; j < 20; j++) await Promise.resolve();
  }
}
