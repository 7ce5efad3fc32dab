import type { ActionError } from './state/chat-state';

// The link went away (or the client stopped) before an answer: the server may or may not have the request.
const CONNECTION_ERRORS: readonly string[] = ['connection_lost', 'not_connected', 'closed'];

/** The `type` and `message` of a failed request (an RtmError, or anything: then `internal`), for `action`. */
export function errorInfo(action: string, error: unknown): ActionError {
  const e = error as { type?: unknown; message?: unknown } | null;
  return {
    action,
    type: typeof e?.type === 'string' ? e.type : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/** Whether a request failed because the connection dropped, rather than because the server refused it. */
export const isConnectionError = (error: unknown): boolean => CONNECTION_ERRORS.includes(errorInfo('', error).type);
