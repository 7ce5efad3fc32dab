import type { Clock } from './clock';
import { RtmError } from './rtm-error';
import type { SafeStorage } from './safe-storage';

/**
 * A customer access token as LiveChat's customer-auth returns it; `expiresIn` in seconds.
 *
 * @example
 * const getToken = async (): Promise<CustomerToken> => {
 *   const r = await fetch('/my-backend/livechat-token');
 *   return r.json(); // { accessToken, entityId, expiresIn, tokenType }
 * };
 */
export interface CustomerToken {
  accessToken: string;
  entityId: string;
  expiresIn: number;
  tokenType: string;
}

/** The cached form (protocol-notes §6): `expiresIn` and `creationDate` in milliseconds. */
export interface CachedToken extends CustomerToken {
  creationDate: number;
  licenseId: number;
}

/** Where a token comes from. */
export interface TokenSourceOptions {
  licenseId: number;
  getToken?: (() => Promise<CustomerToken>) | undefined;
  fetch?: typeof fetch | undefined;
  accountsUrl: string;
  clientId?: string | undefined;
  redirectUri?: string | undefined;
  storage: SafeStorage;
  clock: Clock;
}

const bad = (what: string) => new RtmError('authentication', `Customer token: ${what}`);

/**
 * Customer tokens from `getToken()` or else the accounts cookie grant
 * (`POST <accountsUrl>/customer/token`, credentials included), cached under
 * `@@lc_auth_token:<licenseId>` until they expire. Concurrent callers share one fetch, so a reconnect
 * storm asks the accounts server once.
 */
export function tokenSource(o: TokenSourceOptions) {
  const key = `@@lc_auth_token:${o.licenseId}`;
  let pending: Promise<CachedToken> | undefined;

  const cookieGrant = async (): Promise<CustomerToken> => {
    if (!o.fetch) throw bad('no getToken and no fetch');
    // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of `o`.
    const post = o.fetch;
    const res = await post(`${o.accountsUrl}/customer/token`, {
      method: 'POST',
      credentials: 'include',
      // A JSON string without a Content-Type goes out as text/plain: no CORS preflight (protocol-notes §6).
      body: JSON.stringify({
        response_type: 'token',
        grant_type: 'cookie',
        client_id: o.clientId,
        license_id: o.licenseId,
        redirect_uri: o.redirectUri,
      }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw bad(`accounts answered ${res.status} ${JSON.stringify(body)}`);
    return { accessToken: body.access_token, entityId: body.entity_id, expiresIn: body.expires_in, tokenType: body.token_type };
  };

  const fetchToken = async (): Promise<CachedToken> => {
    const t = await (o.getToken ? o.getToken() : cookieGrant());
    if (!t || typeof t.accessToken !== 'string' || !t.accessToken || typeof t.expiresIn !== 'number') {
      throw bad('expected { accessToken, entityId, expiresIn, tokenType }');
    }
    const token: CachedToken = {
      accessToken: t.accessToken,
      entityId: t.entityId,
      expiresIn: t.expiresIn * 1000,
      tokenType: t.tokenType || 'Bearer',
      creationDate: o.clock.now(),
      licenseId: o.licenseId,
    };
    o.storage.setJson(key, token);
    return token;
  };

  const cached = (): CachedToken | undefined => {
    const t = o.storage.getJson(key) as Partial<CachedToken> | undefined;
    return t && typeof t.accessToken === 'string' && t.licenseId === o.licenseId &&
      o.clock.now() < (t.creationDate as number) + (t.expiresIn as number)
      ? (t as CachedToken)
      : undefined;
  };

  return {
    /** A valid token: the cached one, or a fresh one fetched once for all concurrent callers. */
    get(): Promise<CachedToken> {
      const t = cached();
      if (t) return Promise.resolve(t);
      return (pending ??= fetchToken().finally(() => (pending = undefined)));
    },
    /** Forgets the cached token, so the next `get()` fetches a new one. */
    invalidate(): void {
      o.storage.remove(key);
    },
  };
}

/** The object {@link tokenSource} returns. */
export type TokenSource = ReturnType<typeof tokenSource>;
