// The accounts cookie grant `POST /customer/token` (protocol-notes §6): token body, identity
// cookie (same browser → same entity_id), CORS with credentials for loopback origins only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { LICENSE, connectCustomer, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox({ tokenTtlSec: 3600 });
});
afterEach(() => sandbox.close());

const grant = { response_type: 'token', grant_type: 'cookie', client_id: 'widget', license_id: LICENSE, redirect_uri: 'http://127.0.0.1/' };

/** Posts like the browser SDK: JSON body without a Content-Type (text/plain, no preflight). */
function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sandbox.url}/customer/token`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers });
}

function cookieOf(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('POST /customer/token', () => {
  it('returns a Bearer token for the license and sets an HttpOnly identity cookie', async () => {
    const res = await post(grant);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['access_token', 'client_id', 'entity_id', 'expires_in', 'license_id', 'token_type']);
    expect(body).toMatchObject({ token_type: 'Bearer', license_id: LICENSE, client_id: 'widget', expires_in: 3600 });
    expect(body.access_token).toMatch(/^dal:/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__lc_cid=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  it('gives the same browser the same entity_id and a new browser a new one', async () => {
    const first = await post(grant);
    const { entity_id: id1, access_token: t1 } = await first.json();
    const again = await (await post(grant, { cookie: cookieOf(first) })).json();
    expect(again.entity_id).toBe(id1);
    expect(again.access_token).not.toBe(t1);
    const stranger = await (await post(grant)).json();
    expect(stranger.entity_id).not.toBe(id1);
  });

  it('issues a token that logs in as the entity', async () => {
    const body = await (await post({ ...grant, license_id: String(LICENSE) })).json();
    const client = await connectCustomer(sandbox);
    const login = await client.request('login', { token: `Bearer ${body.access_token}` });
    expect(login.payload.customer_id).toBe(body.entity_id);
  });

  it('allows loopback origins with credentials, and no one else', async () => {
    const local = await post(grant, { origin: 'http://localhost:5173' });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await post(grant, { origin: 'https://evil.example' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a CORS preflight', async () => {
    const res = await fetch(`${sandbox.url}/customer/token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it.each([
    ['not JSON', '{oops', 400, 'oauth_exception'],
    ['a wrong grant type', { ...grant, grant_type: 'password' }, 400, 'oauth_exception'],
    ['a missing license', { ...grant, license_id: undefined }, 400, 'oauth_exception'],
    ['an unknown license', { ...grant, license_id: 999 }, 400, 'identity_exception'],
  ])('refuses %s', async (_name, body, status, key) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(await res.json()).toHaveProperty(key);
  });

  it('refuses other methods and unknown paths', async () => {
    expect((await fetch(`${sandbox.url}/customer/token`)).status).toBe(405);
    expect((await fetch(`${sandbox.url}/nothing`)).status).toBe(404);
  });

  it('ignores a cookie value it could not have issued', async () => {
    const res = await post(grant, { cookie: '__lc_cid=bad%value' });
    expect(cookieOf(res)).not.toBe('__lc_cid=bad%value');
  });
});
