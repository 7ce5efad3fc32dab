// Requests reject with RtmError (protocol/rtm-error.ts); anything else is reported as `internal`.
import type { ActionError } from './chat-state';

// The link went away (or the client stopped) before an answer: the server may or may not have it.
const CONNECTION_ERRORS: readonly string[] = ['connection_lost', 'not_connected', 'closed'];

/**
 * The `type` and `message` of a failed request, as an {@link ActionError} for `action`.
 *
 * @example
 * errorInfo('rate', new RtmError('validation', 'bad score')); // { action: 'rate', type: 'validation', message: 'bad score' }
 */
export function errorInfo(action: string, error: unknown): ActionError {
  const e = error as { type?: unknown; message?: unknown } | null;
  return {
    action,
    type: typeof e?.type === 'string' ? e.type : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/**
 * Whether a request failed because the connection dropped rather than because the server refused it.
 *
 * @example
 * if (isConnectionError(error)) requeue(); else markFailed();
 */
export function isConnectionError(error: unknown): boolean {
  return CONNECTION_ERRORS.includes(errorInfo('', error).type);
}
