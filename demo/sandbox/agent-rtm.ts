// Agent RTM transport (`/v3.0/agent/rtm/ws`, seed 000): parses frames, enforces the connection
// rules (login first and within loginMs, then a frame at least every agentPingMs) and routes
// requests to the agent handler table. Presence follows the socket: login makes the agent
// present, closing the socket takes that session away.
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { agentHandlers } from './agent-handlers';
import { agentLogin } from './agent-handlers-status';
import { dispatch } from './core';
import type { Core, RequestContext } from './core';
import { ApiError, errorResponse, parseFrame, push, response } from './protocol';
import { setAgentPresence } from './routing';

function text(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * Serves one agent socket. A connection that misses the login or ping deadline gets
 * `agent_disconnected` with reason `ping_timeout` (seed 002's reason for a silent client)
 * and is closed; a successful `logout` closes every socket of that agent.
 * @example
 * wsRoutes.push({ path: '/v3.0/agent/rtm/ws', accept: acceptAgent });
 */
export function acceptAgent(core: Core, socket: WebSocket, req: IncomingMessage): void {
  const session = core.hub.open('agent', socket, req.socket.remoteAddress ?? '');
  const disconnect = (reason: string): void => {
    session.send(push('agent_disconnected', { reason }), true);
    session.close(1000, reason);
  };
  let timer = setTimeout(() => disconnect('ping_timeout'), core.timers.loginMs);
  const rearm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => disconnect('ping_timeout'), core.timers.agentPingMs);
  };

  socket.on('message', (data, isBinary) => {
    const loggedIn = session.userId !== undefined && session.licenseId !== undefined;
    if (loggedIn) rearm();
    if (isBinary) return session.send(errorResponse('unknown', new ApiError('validation', 'frames must be text (JSON)')));
    const parsed = parseFrame(text(data));
    if (!parsed.ok) return session.send(errorResponse(parsed.action, parsed.error, parsed.requestId));
    const { action, payload, request_id: requestId } = parsed.frame;
    const fail = (error: ApiError): void => session.send(errorResponse(action, error, requestId));
    if (action === 'ping') return session.send(response('ping', {}, requestId));
    if (!loggedIn && action !== 'login') return fail(new ApiError('authentication', 'log in first: `login` must be the first request'));
    if (loggedIn && action === 'login') return fail(new ApiError('validation', 'already logged in on this connection'));
    const ctx: RequestContext = {
      core,
      licenseId: session.licenseId ?? -1,
      userId: session.userId ?? '',
      session,
      ...(requestId !== undefined && { requestId }),
      origin: { session, ...(requestId !== undefined && { requestId }) },
    };
    const { frame, flush } = dispatch(loggedIn ? agentHandlers : { login: agentLogin }, ctx, action, payload);
    session.send(frame);
    flush();
    if (!loggedIn && session.userId !== undefined) rearm();
    if (action === 'logout' && frame.success === true) {
      for (const s of core.hub.agentSessions(ctx.licenseId, ctx.userId)) s.close(1000, 'logged out');
    }
  });

  socket.on('close', () => {
    clearTimeout(timer);
    if (session.userId !== undefined && session.licenseId !== undefined) {
      setAgentPresence(core, session.licenseId, session.userId, { sessionDelta: -1 });
    }
  });
}
