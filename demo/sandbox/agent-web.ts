// Agent Web API transport (`POST /v3.0/agent/action/<action>`, seed 001): authenticates the
// `Authorization: Bearer <token>` header, reads a JSON or multipart body and routes to the
// agent handler table. Answers are the response payload with HTTP 200, or
// `{"error":{"type","message"}}` with an HTTP status that fits the error type.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateAgent } from './agent-auth';
import { MAX_UPLOAD_BYTES } from './agent-files';
import { agentWebHandlers } from './agent-handlers';
import { parseMultipart } from './agent-multipart';
import { dispatch } from './core';
import type { Core, RequestContext } from './core';
import { ApiError, isObject, MAX_FRAME_BYTES } from './protocol';
import type { Payload } from './protocol';
import { corsHeaders } from './token';

/** Path prefix of the Web API's actions. */
export const AGENT_ACTION_PATH = /^\/v3\.0\/agent\/action\/[^/]*$/;
const PREFIX = '/v3.0/agent/action/';
const MULTIPART_ACTIONS = new Set(['send_file', 'upload_image']);

const STATUS: Record<string, number> = {
  validation: 400,
  authentication: 401,
  authorization: 403,
  request_timeout: 408,
  internal: 500,
};

/**
 * The HTTP status of an error: its own when it names one (a body too large, an unknown action),
 * else by its type (seed 002's types), 422 for the rest (`license_expired`, `unsupported_version`).
 * @example
 * statusOf(new ApiError('authorization')); // 403
 */
export function statusOf(error: ApiError): number {
  return error.httpStatus ?? STATUS[error.type] ?? 422;
}

function reply(res: ServerResponse, cors: Record<string, string>, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...cors });
  res.end(JSON.stringify(body));
}

/** Reads the body up to `limit` bytes; undefined when it is larger (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/** The request payload: seed 001 sends the fields at the top level; seed 002's `{payload}` envelope is accepted too. */
function jsonPayload(body: Buffer): Payload {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('validation', 'body is not valid JSON');
  }
  if (!isObject(value)) throw new ApiError('validation', 'body must be a JSON object');
  const keys = Object.keys(value).filter((k) => k !== 'author_id');
  return keys.length === 1 && keys[0] === 'payload' && isObject(value.payload) ? value.payload : value;
}

function formPayload(body: Buffer, contentType: string, origin: string): Payload {
  const { fields, files } = parseMultipart(body, contentType);
  const payload: Payload = { ...fields };
  for (const [name, file] of Object.entries(files)) payload[name] = { ...file, origin };
  return payload;
}

async function readPayload(req: IncomingMessage, action: string): Promise<Payload> {
  const contentType = req.headers['content-type'] ?? '';
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (multipart !== MULTIPART_ACTIONS.has(action)) {
    throw new ApiError('validation', multipart ? `${action} takes a JSON body` : `${action} takes a multipart/form-data body`);
  }
  // Room for the form's own headers and boundaries around a 10 MB file.
  const limit = multipart ? MAX_UPLOAD_BYTES + 64 * 1024 : MAX_FRAME_BYTES;
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new ApiError('validation', `body is over ${limit} bytes`, undefined, 413);
  const body = await readBody(req, limit);
  if (!body) throw new ApiError('validation', `body is over ${limit} bytes`, undefined, 413);
  return multipart ? formPayload(body, contentType, `http://${req.headers.host ?? 'localhost'}`) : jsonPayload(body);
}

/**
 * Serves one Web API call. Pushes the call causes reach RTM sessions after the HTTP answer.
 * @example
 * httpRoutes.push({ path: AGENT_ACTION_PATH, handle: handleAgentAction });
 */
export async function handleAgentAction(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const cors = corsHeaders(req.headers.origin);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Authorization, Content-Type' });
    res.end();
    return;
  }
  const fail = (error: ApiError): void => {
    req.resume();
    reply(res, cors, statusOf(error), { error: { type: error.type, message: error.message } });
  };
  if (req.method !== 'POST') return fail(new ApiError('validation', 'Web API actions take POST'));
  const action = url.pathname.slice(PREFIX.length);
  let payload: Payload;
  let ctx: RequestContext;
  try {
    const agent = authenticateAgent(core.store, req.headers.authorization);
    if (!Object.hasOwn(agentWebHandlers, action)) throw new ApiError('validation', `unknown action \`${action}\``, undefined, 404);
    payload = await readPayload(req, action);
    ctx = { core, licenseId: agent.licenseId, userId: agent.fixture.id };
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    throw error;
  }
  const { frame, flush, error } = dispatch(agentWebHandlers, ctx, action, payload);
  const body = frame.payload as Payload;
  if (frame.success === true || !error) reply(res, cors, 200, body);
  else reply(res, cors, statusOf(error), { error: body.error });
  flush();
}
