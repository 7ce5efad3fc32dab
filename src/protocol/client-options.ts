import { browserEnvironment, type Environment } from './browser-environment';
import { systemClock, type Clock } from './clock';
import type { StorageLike } from './safe-storage';
import type { CustomerToken } from './token-source';
import type { CustomerInput, CustomerPage } from './types';
import type { XhrConstructor } from './upload-file';

/**
 * The part of a WebSocket the client uses. Handlers are typed `never` so that the DOM's, `ws`'s and a
 * test's own event types all fit; the client only reads `data` of a message.
 *
 * @example
 * import { WebSocket } from 'ws';
 * const client = createCustomerClient({ licenseId: 1, WebSocket: WebSocket as unknown as SocketConstructor });
 */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: ((ev: never) => void) | null;
  onmessage: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
}

/**
 * A WebSocket constructor: `globalThis.WebSocket`, `ws`'s, or a fake.
 *
 * @example
 * createCustomerClient({ licenseId: 1, WebSocket: globalThis.WebSocket });
 */
export type SocketConstructor = new (url: string) => SocketLike;

/**
 * Options of {@link createCustomerClient}. Only `licenseId` is required; the side effects
 * (`WebSocket`, `storage`, `fetch`, `XMLHttpRequest`, `clock`, `random`, `environment`) are injectable for tests and
 * non-browser runtimes.
 *
 * @example
 * const options: CustomerClientOptions = { licenseId: 12345, groupId: 2, customer: { name: 'Ada' } };
 */
export interface CustomerClientOptions {
  /** LiveChat license (positive integer). */
  licenseId: number;
  /** RTM base URL; the socket opens `${apiUrl}/v3.1/customer/rtm/ws?license_id=N`. */
  apiUrl?: string;
  /** Accounts base URL for the cookie grant, `POST ${accountsUrl}/customer/token`. */
  accountsUrl?: string;
  /** OAuth client id sent with the cookie grant. */
  clientId?: string;
  /** Your own identity provider; replaces the cookie grant. `expiresIn` in seconds. */
  getToken?: () => Promise<CustomerToken>;
  /** Group to chat with, sent at login. */
  groupId?: number;
  /** Customer details sent at login. */
  customer?: CustomerInput;
  /** The page sent at login; default: the current page's URL and title in a browser. */
  customerPage?: CustomerPage;
  /** Sent at login; default: `document.referrer` in a browser. */
  referrer?: string;
  /** Sent at login as `is_mobile`. */
  isMobile?: boolean;
  /** Default `globalThis.WebSocket`. */
  WebSocket?: SocketConstructor;
  /** Default `localStorage`; memory when it is missing or throws. `null`: memory only. */
  storage?: StorageLike | null;
  /** Default `globalThis.XMLHttpRequest`; used by `uploadFile` (fetch has no upload progress). */
  XMLHttpRequest?: XhrConstructor;
  /** Default `globalThis.fetch`; used by the cookie grant. */
  fetch?: typeof fetch;
  /** Default: `Date.now` and the global timers. */
  clock?: Clock;
  /** Default `Math.random`; drives the reconnect jitter. */
  random?: () => number;
  /** Network and visibility signals; default: the browser's `online`/`offline`/`visibilitychange`. `null`: none. */
  environment?: Environment | null;
}

const fail = (what: string) => new TypeError(`chatlet/client: ${what}`);

/** Validates the options with clear errors and fills in the defaults. */
export function clientOptions(options: CustomerClientOptions) {
  const licenseId = options?.licenseId;
  if (!Number.isInteger(licenseId) || licenseId < 1) {
    throw fail(`licenseId must be a positive integer, got ${JSON.stringify(licenseId)}`);
  }
  const WebSocket = options.WebSocket ?? (globalThis.WebSocket as SocketConstructor | undefined);
  if (!WebSocket) throw fail('this runtime has no WebSocket; pass options.WebSocket');
  const fetch = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!options.getToken && !fetch) throw fail('pass getToken, or fetch for the cookie grant');
  return {
    ...options,
    licenseId,
    apiUrl: (options.apiUrl ?? 'wss://api.livechatinc.com').replace(/\/+$/, ''),
    accountsUrl: (options.accountsUrl ?? 'https://accounts.livechatinc.com').replace(/\/+$/, ''),
    WebSocket,
    fetch,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    environment: options.environment === undefined ? browserEnvironment() : options.environment,
  };
}
