// Customer identity: the accounts cookie grant `POST /customer/token` (protocol-notes §6) and
// the opaque `dal:` access tokens it issues, bound to (license, entity id). The identity cookie
// maps one browser to one entity id per license, so the same visitor keeps its chats.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from './core';
import { ApiError, isObject } from './protocol';
import { getLicense, newEntityId } from './store';

/** Name of the HttpOnly identity cookie. */
export const IDENTITY_COOKIE = '__lc_cid';
const COOKIE_MAX_AGE_SEC = 2 * 365 * 24 * 3600;
const MAX_BODY_BYTES = 64 * 1024;

/** The grant's response body (protocol-notes §6). */
export interface CustomerToken {
  access_token: string;
  entity_id: string;
  expires_in: number;
  token_type: 'Bearer';
  license_id: number;
  client_id: string;
}

/**
 * Issues a customer access token for a license; a new entity unless `entityId` is given.
 * Also what tests use to log a customer in without HTTP.
 * @example
 * const { access_token, entity_id } = issueCustomerToken(core, 12345);
 */
export function issueCustomerToken(core: Core, licenseId: number, entityId = newEntityId(), clientId = 'chatlet-sandbox'): CustomerToken {
  const accessToken = `dal:${randomBytes(16).toString('base64url')}`;
  core.store.tokens.set(accessToken, { licenseId, entityId, expiresAt: core.store.now() + core.tokenTtlSec * 1000 });
  return {
    access_token: accessToken,
    entity_id: entityId,
    expires_in: core.tokenTtlSec,
    token_type: 'Bearer',
    license_id: licenseId,
    client_id: clientId,
  };
}

/**
 * Resolves login's `token` ("Bearer <access_token>") to the customer entity id; throws
 * `authentication` for a malformed, unknown, expired or other-license token.
 * @example
 * const customerId = verifyCustomerToken(core, 'Bearer dal:…', 12345);
 */
export function verifyCustomerToken(core: Core, bearer: string, licenseId: number): string {
  const match = /^Bearer (\S+)$/.exec(bearer);
  const record = match?.[1] !== undefined ? core.store.tokens.get(match[1]) : undefined;
  if (!record || record.licenseId !== licenseId) throw new ApiError('authentication', 'invalid access token');
  if (core.store.now() >= record.expiresAt) throw new ApiError('authentication', 'access token expired');
  return record.entityId;
}

/**
 * CORS headers for loopback origins only, with credentials (the grant's cookie needs them).
 * @example
 * corsHeaders('http://127.0.0.1:5173'); // {'Access-Control-Allow-Origin': 'http://127.0.0.1:5173', ...}
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return {};
    host = url.hostname;
  } catch {
    return {};
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') return {};
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name && v.length > 0) return v.join('=');
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

function parseGrant(text: string): { licenseId: number; clientId: string } | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body must be JSON';
  }
  if (!isObject(body)) return 'body must be a JSON object';
  if (body.grant_type !== 'cookie') return 'grant_type must be "cookie"';
  if (body.response_type !== undefined && body.response_type !== 'token') return 'response_type must be "token"';
  const licenseId = typeof body.license_id === 'string' ? Number(body.license_id) : body.license_id;
  if (typeof licenseId !== 'number' || !Number.isInteger(licenseId)) return 'license_id must be an integer';
  const clientId = body.client_id === undefined ? 'chatlet-sandbox' : body.client_id;
  if (typeof clientId !== 'string') return 'client_id must be a string';
  return { licenseId, clientId };
}

/**
 * `POST /customer/token` (and its OPTIONS preflight): body `{grant_type:"cookie", license_id,
 * client_id, response_type, redirect_uri}` sent as text/plain. Answers the token and (re)sets
 * the identity cookie; the same cookie gets the same `entity_id` again.
 * @example
 * if (url.pathname === '/customer/token') return handleTokenRequest(core, req, res);
 */
export async function handleTokenRequest(core: Core, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const cors = corsHeaders(req.headers.origin);
  const reply = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...cors, ...extra, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }
  if (req.method !== 'POST') return reply(405, { oauth_exception: 'invalid_request', error_description: 'use POST' }, { Allow: 'POST, OPTIONS' });
  const text = await readBody(req);
  if (text === undefined) return reply(413, { oauth_exception: 'invalid_request', error_description: 'body too large' });
  const grant = parseGrant(text);
  if (typeof grant === 'string') return reply(400, { oauth_exception: 'invalid_request', error_description: grant });
  if (!getLicense(core.store, grant.licenseId)) {
    return reply(400, { identity_exception: 'license_not_found', error_description: `no license ${grant.licenseId} in the sandbox` });
  }
  const sent = readCookie(req.headers.cookie, IDENTITY_COOKIE);
  // Only values we could have minted are reused; anything else gets a fresh identity.
  const cookie = sent !== undefined && /^[\w-]{1,64}$/.test(sent) ? sent : randomBytes(16).toString('base64url');
  const key = `${grant.licenseId}:${cookie}`;
  let entityId = core.store.identities.get(key);
  if (!entityId) {
    entityId = newEntityId();
    core.store.identities.set(key, entityId);
  }
  const token = issueCustomerToken(core, grant.licenseId, entityId, grant.clientId);
  reply(200, token, {
    'Set-Cookie': `${IDENTITY_COOKIE}=${cookie}; Max-Age=${COOKIE_MAX_AGE_SEC}; Path=/; HttpOnly; SameSite=Lax`,
  });
}
