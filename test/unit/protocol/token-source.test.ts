import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../src/protocol/clock';
import { safeStorage } from '../../../src/protocol/safe-storage';
import { tokenSource, type TokenSourceOptions } from '../../../src/protocol/token-source';
import { memoryStorage } from './fake-storage';

const KEY = '@@lc_auth_token:77';

function setup(over: Partial<TokenSourceOptions> = {}) {
  let now = 1_000_000;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
  const backing = memoryStorage();
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
    Response.json({ access_token: 'dal:abc', entity_id: 'cust-1', expires_in: 28800, token_type: 'Bearer', license_id: 77 }),
  );
  const tokens = tokenSource({
    licenseId: 77,
    accountsUrl: 'https://accounts.example',
    clientId: 'client-9',
    redirectUri: 'https://shop.example/cart',
    storage: safeStorage(backing),
    clock,
    fetch: fetch as unknown as typeof globalThis.fetch,
    ...over,
  });
  return { tokens, backing, fetch, advance: (ms: number) => (now += ms) };
}

describe('tokenSource', () => {
  it('gets a token by the cookie grant: POST /customer/token with credentials and the JSON body', async () => {
    const { tokens, fetch } = setup();
    const token = await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://accounts.example/customer/token');
    expect(init).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(init?.headers).toBeUndefined(); // text/plain: no CORS preflight
    expect(JSON.parse(init?.body as string)).toEqual({
      response_type: 'token',
      grant_type: 'cookie',
      client_id: 'client-9',
      license_id: 77,
      redirect_uri: 'https://shop.example/cart',
    });
    expect(token).toEqual({
      accessToken: 'dal:abc',
      entityId: 'cust-1',
      expiresIn: 28_800_000,
      tokenType: 'Bearer',
      creationDate: 1_000_000,
      licenseId: 77,
    });
  });

  it('caches the token under the license-scoped key until it expires', async () => {
    const { tokens, fetch, backing, advance } = setup();
    await tokens.get();
    expect(JSON.parse(backing.data.get(KEY)!)).toMatchObject({ accessToken: 'dal:abc', expiresIn: 28_800_000, creationDate: 1_000_000 });
    advance(28_800_000 - 1);
    await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(1);
    await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('reuses a token another page load cached', async () => {
    const { tokens, fetch, backing } = setup();
    backing.data.set(KEY, JSON.stringify({ accessToken: 'dal:old', entityId: 'c', expiresIn: 60_000, tokenType: 'Bearer', creationDate: 999_000, licenseId: 77 }));
    expect((await tokens.get()).accessToken).toBe('dal:old');
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['corrupt', '{"accessToken":'],
    ['for another license', JSON.stringify({ accessToken: 'x', expiresIn: 9e9, creationDate: 0, licenseId: 78 })],
    ['without a creation date', JSON.stringify({ accessToken: 'x', expiresIn: 9e9, licenseId: 77 })],
  ])('ignores a cached token that is %s', async (_, raw) => {
    const { tokens, fetch, backing } = setup();
    backing.data.set(KEY, raw);
    expect((await tokens.get()).accessToken).toBe('dal:abc');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shares one fetch among concurrent callers', async () => {
    const { tokens, fetch } = setup();
    const [a, b, c] = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
  });

  it('fetches again after invalidate()', async () => {
    const { tokens, fetch, backing } = setup();
    await tokens.get();
    tokens.invalidate();
    expect(backing.data.has(KEY)).toBe(false);
    await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('prefers getToken and converts expiresIn from seconds', async () => {
    const getToken = vi.fn(async () => ({ accessToken: 'mine', entityId: 'e', expiresIn: 10, tokenType: 'Bearer' }));
    const { tokens, fetch } = setup({ getToken });
    expect(await tokens.get()).toMatchObject({ accessToken: 'mine', expiresIn: 10_000 });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a getToken result without an accessToken with a clear authentication error', async () => {
    const { tokens } = setup({ getToken: async () => ({ token: 'x' }) as never });
    await expect(tokens.get()).rejects.toMatchObject({ type: 'authentication', message: expect.stringContaining('accessToken') });
  });

  it('rejects when the accounts server refuses, and tries again on the next call', async () => {
    const { tokens, fetch } = setup();
    fetch.mockResolvedValueOnce(Response.json({ oauth_exception: 'invalid_request' }, { status: 400 }));
    await expect(tokens.get()).rejects.toMatchObject({ type: 'authentication', message: expect.stringContaining('400') });
    expect((await tokens.get()).accessToken).toBe('dal:abc');
  });

  it('rejects when there is neither getToken nor fetch', async () => {
    const { tokens } = setup({ fetch: undefined });
    await expect(tokens.get()).rejects.toMatchObject({ type: 'authentication' });
  });
});
