// The visitor half of the reliability suites: the real customer client and chat store in Node,
// over `ws`, with a persisted storage that outlives "reloads" and a clock that runs fast.
import { WebSocket } from 'ws';
import { createChatStore, type ChatStore } from '../../src/chat/create-chat-store';
import type { Clock } from '../../src/protocol/clock';
import { createCustomerClient, type CustomerClient } from '../../src/protocol/customer-client';
import type { SocketConstructor } from '../../src/protocol/client-options';
import type { StorageLike } from '../../src/protocol/safe-storage';
import { LICENSE } from '../sandbox/helpers';
import type { Site } from './site';

/**
 * How much faster than real time the visitor's clock runs: its 15 s ping, 30 s dead-link check,
 * 15 s request and 10 s connect timeouts and its backoff all shrink by this factor, so a test can
 * wait for them without waiting for them. The sandbox keeps real time.
 */
export const SPEED = 25;

/**
 * A clock running `speed` times faster than the real one (timers and `now` alike).
 *
 * @example
 * const clock = fastClock(25);
 * clock.setTimeout(fire, 30_000); // fires after 1.2 real seconds
 */
export function fastClock(speed = SPEED): Clock {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * speed,
    setTimeout: (fn, ms) => setTimeout(fn, ms / speed),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };
}

/**
 * `ws`'s WebSocket behaving like a browser's: a failed connection is an `error` then a `close`
 * event, never an exception (ws throws an `error` event nobody listens to).
 */
class BrowserLikeSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}

/**
 * One visitor across reloads: the browser's storage (undefined: `localStorage`, which Node lacks)
 * and the customer identity (its cookie).
 */
export interface Browser {
  storage: StorageLike | undefined;
  entityId?: string;
}

/** One page load of the widget: client and store. */
export interface Visitor {
  client: CustomerClient;
  store: ChatStore;
  /** The page goes away: store disposed, client closed (its socket closes after what it sent). */
  close(): void;
}

/**
 * Loads the widget for `browser` against `site`: a customer client (tokens minted by the sandbox
 * for the browser's entity, like its cookie grant would) and a chat store, connected.
 *
 * @example
 * const browser = { storage: memoryStorage() };
 * const visitor = openVisitor(site, browser, mulberry32(1));
 * await visitor.store.actions.send('hello');
 */
export function openVisitor(site: Site, browser: Browser, random: () => number, clock: Clock = fastClock()): Visitor {
  const client = createCustomerClient({
    licenseId: LICENSE,
    apiUrl: site.sandbox.wsUrl,
    WebSocket: BrowserLikeSocket as unknown as SocketConstructor,
    storage: browser.storage,
    environment: null,
    clock,
    random,
    customerPage: { url: 'https://shop.example/', title: 'Shop' },
    getToken: async () => {
      const t = site.sandbox.issueCustomerToken(LICENSE, browser.entityId);
      browser.entityId = t.entity_id;
      return { accessToken: t.access_token, entityId: t.entity_id, expiresIn: t.expires_in, tokenType: t.token_type };
    },
  });
  const store = createChatStore({ client, storage: browser.storage, licenseId: LICENSE, groupId: 0, clock, random });
  void store.actions.connect();
  return {
    client,
    store,
    close() {
      store.dispose();
      client.close();
    },
  };
}

/**
 * The visitor's own messages as the widget shows them: text and status, in timeline order.
 *
 * @example
 * ownMessages(visitor.store); // [['hi', 'sent'], ['there', 'pending']]
 */
export function ownMessages(store: ChatStore): [text: string, status: string][] {
  return store.timeline.value
    .filter((i) => i.isOwn && i.event.type === 'message')
    .map((i) => [(i.event as { text: string }).text, i.status]);
}

/**
 * The agent's messages as the widget shows them, in timeline order.
 *
 * @example
 * agentMessages(visitor.store); // ['How can I help?']
 */
export function agentMessages(store: ChatStore): string[] {
  return store.timeline.value
    .filter((i) => !i.isOwn && i.event.type === 'message')
    .map((i) => (i.event as { text: string }).text);
}

/**
 * Polls `check` every 20 ms until it returns true or `timeoutMs` (real time) passes; resolves
 * whether it did, so a test can report what it saw instead of a bare timeout.
 *
 * @example
 * const ok = await until(() => visitor.store.state.value.outbox.length === 0, 10_000);
 */
export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
