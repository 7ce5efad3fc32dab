// Customer Web API transport (`POST /v3.1/customer/action/<action>?license_id=N`; protocol-notes
// §2): authenticates `Authorization: Bearer <customer access token>`, reads the multipart body
// and routes to the customer Web handler table. CORS as the token endpoint has it (loopback
// origins), with the preflight that the Authorization header makes browsers send. Answers are
// the response payload with HTTP 200, or `{"error":{"type","message"}}` as the agent Web API's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusOf } from './agent-web';
import { dispatch } from './core';
import type { Core, RequestContext } from './core';
import { customerWebHandlers } from './customer-files';
import { formPayload, readBody, requestOrigin } from './http-body';
import { ApiError } from './protocol';
import type { Payload } from './protocol';
import { MAX_UPLOAD_BYTES } from './store-files';
import { corsHeaders, verifyCustomerToken } from './token';

/** Path of the customer Web API's actions. */
export const CUSTOMER_ACTION_PATH = /^\/v3\.1\/customer\/action\/[^/]*$/;
const PREFIX = '/v3.1/customer/action/';
// Room for the form's own headers and boundaries around a 10 MB file.
const BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

function licenseOf(url: URL): number {
  const raw = url.searchParams.get('license_id');
  if (raw === null || !/^\d{1,15}$/.test(raw)) throw new ApiError('validation', '`license_id` query parameter (integer) is required');
  return Number(raw);
}

function customerOf(core: Core, header: string | undefined, licenseId: number): string {
  if (!header) throw new ApiError('authentication', 'send `Authorization: Bearer <customer access token>`');
  return verifyCustomerToken(core, header, licenseId);
}

async function readPayload(req: IncomingMessage): Promise<Payload> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new ApiError('validation', 'send a multipart/form-data body with the file as its `file` part');
  }
  const tooLarge = new ApiError('validation', '`file` is over 10 MB', undefined, 413);
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) throw tooLarge;
  const body = await readBody(req, BODY_LIMIT);
  if (!body) throw tooLarge;
  return formPayload(body, contentType, requestOrigin(req));
}

/**
 * Serves one customer Web API call (and its CORS preflight).
 * @example
 * httpRoutes.push({ path: CUSTOMER_ACTION_PATH, handle: handleCustomerAction });
 */
export async function handleCustomerAction(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const cors = corsHeaders(req.headers.origin);
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...cors });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }
  const fail = (error: ApiError): void => {
    // Read what is left of the body, so a browser still sending it gets this answer, not a reset.
    req.resume();
    reply(statusOf(error), { error: { type: error.type, message: error.message } });
  };
  const action = url.pathname.slice(PREFIX.length);
  let ctx: RequestContext;
  let payload: Payload;
  try {
    if (req.method !== 'POST') throw new ApiError('validation', 'customer Web API actions take POST', undefined, 405);
    if (!Object.hasOwn(customerWebHandlers, action)) throw new ApiError('validation', `unknown action \`${action}\``, undefined, 404);
    const licenseId = licenseOf(url);
    ctx = { core, licenseId, userId: customerOf(core, req.headers.authorization, licenseId) };
    payload = await readPayload(req);
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    throw error;
  }
  const { frame, flush, error } = dispatch(customerWebHandlers, ctx, action, payload);
  if (error) fail(error);
  else reply(200, frame.payload);
  flush();
}
