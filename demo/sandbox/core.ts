// The sandbox core every transport and handler receives: state, live connections, fault
// injection and timing rules, plus the one function that runs a handler table entry.
import { ApiError, errorResponse, response } from './protocol';
import type { Payload } from './protocol';
import type { Control } from './control';
import type { Dialect } from './dialect';
import type { Hub, Origin, Session } from './hub';
import type { Store } from './store';

/** Connection deadlines (milliseconds); tests shorten them. */
export interface Timers {
  /** Close a connection that has not logged in after this long (default 30 000). */
  loginMs: number;
  /** After login, close a customer connection silent for this long (default 30 000: ping every 15 s, protocol-notes §1). */
  pingMs: number;
  /** After login, close an agent connection silent for this long (default 60 000: seed 002 "about one minute of inactivity"). */
  agentPingMs: number;
}

export interface Core {
  store: Store;
  hub: Hub;
  control?: Control;
  timers: Timers;
  /** Which v3.1 the customer API speaks (dialect.ts); the agent API is the same in both. */
  dialect: Dialect;
  /** Lifetime of customer access tokens, in seconds (default 28 800). */
  tokenTtlSec: number;
  /** Where unexpected handler exceptions are reported (answered as `internal`). */
  reportInternal: (error: unknown) => void;
}

/** Who is asking: the authenticated user of a license, and (over RTM) its session. */
export interface RequestContext {
  core: Core;
  licenseId: number;
  /** Customer id or agent id. */
  userId: string;
  /** The RTM session; absent for Web API calls. */
  session?: Session;
  requestId?: string;
  /** Set over RTM: the requester's push copies carry its request_id. */
  origin?: Origin;
}

/** A method implementation: returns the response payload or throws an ApiError. Synchronous. */
export type Handler = (ctx: RequestContext, payload: Payload) => unknown;

/** One API's methods by action name; RTM and Web transports of that API share it. */
export type HandlerTable = Record<string, Handler>;

/**
 * Runs one request against a handler table: unknown actions and thrown errors become error
 * envelopes (`internal` for anything that is not an ApiError), never exceptions. Send
 * `frame` first, then call `flush()` to deliver the pushes the handler made.
 * @example
 * const { frame, flush } = dispatch(customerHandlers, ctx, 'get_form', { group_id: 0, type: 'prechat' });
 * session.send(frame);
 * flush();
 */
export function dispatch(table: HandlerTable, ctx: RequestContext, action: string, payload: Payload): { frame: Payload; flush(): void; error?: ApiError } {
  const handler = Object.hasOwn(table, action) ? table[action] : undefined;
  if (!handler) {
    const error = new ApiError('validation', `unknown action \`${action}\``);
    return { frame: errorResponse(action, error, ctx.requestId), flush: () => {}, error };
  }
  const { result, flush } = ctx.core.hub.collect(() => handler(ctx, payload));
  if (result.ok) return { frame: response(action, result.value ?? {}, ctx.requestId), flush };
  if (result.error instanceof ApiError) return { frame: errorResponse(action, result.error, ctx.requestId), flush, error: result.error };
  ctx.core.reportInternal(result.error);
  const error = new ApiError('internal');
  return { frame: errorResponse(action, error, ctx.requestId), flush, error };
}
