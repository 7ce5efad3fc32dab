// Customer RTM transport (`/v3.1/customer/rtm/ws?license_id=N`): parses frames, enforces the
// connection rules (license, login first and within loginMs, ping within pingMs) and routes
// requests to the customer handler table through the dialect's edge (dialect.ts), which also
// shapes every answer and push. No chat logic lives here.
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { dispatch } from './core';
import type { Core, RequestContext } from './core';
import { customerHandlers } from './customer-handlers';
import { customerLeft, customerLogin } from './customer-login';
import { customerEdge } from './dialect';
import type { CustomerEdge } from './dialect';
import { ApiError, errorResponse, parseFrame, push, response } from './protocol';
import { getLicense } from './store';

function licenseParam(url: URL): number | undefined {
  const raw = url.searchParams.get('license_id');
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Refuses the upgrade when `license_id` is missing or not an integer (HTTP 400).
 * @example
 * refuseCustomer(core, new URL('ws://x/v3.1/customer/rtm/ws')); // {status:400, ...}
 */
export function refuseCustomer(_core: Core, url: URL): { status: number; message: string } | undefined {
  return licenseParam(url) === undefined ? { status: 400, message: 'license_id query parameter (integer) is required' } : undefined;
}

function text(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

const edges = new WeakMap<Core, CustomerEdge>();

/** The sandbox's customer edge, made once per sandbox. */
function edgeOf(core: Core): CustomerEdge {
  let edge = edges.get(core);
  if (!edge) edges.set(core, (edge = customerEdge(core.dialect, core.store, customerHandlers)));
  return edge;
}

/**
 * Serves one customer socket. An unknown license gets `customer_disconnected` with reason
 * `license_not_found` and is closed; a missed deadline gets reason `connection_timeout`.
 * @example
 * wsRoutes.push({ path: '/v3.1/customer/rtm/ws', refuse: refuseCustomer, accept: acceptCustomer });
 */
export function acceptCustomer(core: Core, socket: WebSocket, req: IncomingMessage, url: URL): void {
  const licenseId = licenseParam(url) ?? -1;
  const edge = edgeOf(core);
  const session = core.hub.open('customer', socket, req.socket.remoteAddress ?? '', licenseId, edge.push);
  const disconnect = (reason: string): void => {
    session.send(push('customer_disconnected', { reason }), true);
    session.close(1000, reason);
  };
  if (!getLicense(core.store, licenseId)) return disconnect('license_not_found');

  let timer = setTimeout(() => disconnect('connection_timeout'), core.timers.loginMs);
  const rearm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => disconnect('connection_timeout'), core.timers.pingMs);
  };

  socket.on('message', (data, isBinary) => {
    if (session.userId !== undefined) rearm();
    if (isBinary) return session.send(errorResponse('unknown', new ApiError('validation', 'frames must be text (JSON)')));
    const parsed = parseFrame(text(data));
    if (!parsed.ok) return session.send(errorResponse(parsed.action, parsed.error, parsed.requestId));
    const { action, payload, request_id: requestId } = parsed.frame;
    const fail = (error: ApiError): void => session.send(errorResponse(action, error, requestId));
    if (action === 'ping') return session.send(response('ping', {}, requestId));
    const loggedIn = session.userId !== undefined;
    if (!loggedIn && action !== 'login') return fail(new ApiError('authentication', 'log in first: `login` must be the first request'));
    if (loggedIn && action === 'login') return fail(new ApiError('validation', 'already logged in on this connection'));
    const ctx: RequestContext = {
      core,
      licenseId,
      userId: session.userId ?? '',
      session,
      ...(requestId !== undefined && { requestId }),
      origin: { session, ...(requestId !== undefined && { requestId }) },
    };
    const { frame, flush } = dispatch(loggedIn ? edge.handlers : { login: customerLogin }, ctx, action, payload);
    session.send(frame.success === true ? { ...frame, payload: edge.response(action, payload, frame.payload) } : frame);
    flush();
    if (!loggedIn && session.userId !== undefined) rearm();
  });

  socket.on('close', () => {
    clearTimeout(timer);
    if (session.userId !== undefined) customerLeft(core, licenseId, session.userId);
  });
}
