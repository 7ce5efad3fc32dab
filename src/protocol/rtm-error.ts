import type { ServerErrorType } from './types';

/**
 * Every error type a request, `connect()` or `uploadFile()` can fail with: the server's types (seed 002,
 * protocol-notes §1) plus the client's own. `request_timeout` is both: the server's, or no answer within
 * 15 s. `connection_lost`: the socket dropped while the request was in flight. `not_connected`: sent while
 * the client was not `online`. `closed`: the client stopped for good (`close()` or a terminal reason).
 * `network_error`: an upload could not reach the server. `aborted`: an upload was cancelled by its signal.
 *
 * @example
 * const retryable = (t: RtmErrorType) => t === 'request_timeout' || t === 'connection_lost';
 */
export type RtmErrorType = ServerErrorType | 'connection_lost' | 'not_connected' | 'closed' | 'network_error' | 'aborted' | (string & {});

/**
 * The error every failed request rejects with: the server's error `type`, `message` and `data`, or a
 * client-side type such as `request_timeout` or `connection_lost`.
 *
 * @example
 * try {
 *   await client.startChat();
 * } catch (e) {
 *   if (e instanceof RtmError && e.type === 'groups_offline') showOfflineForm();
 *   else throw e;
 * }
 */
export class RtmError extends Error {
  /** The error type, e.g. `validation`, `request_timeout`, `connection_lost`. */
  readonly type: RtmErrorType;
  /** Extra data the server attached, e.g. `{ region }` for `misdirected_request`. */
  readonly data: unknown;

  constructor(type: RtmErrorType, message: string, data?: unknown) {
    super(message);
    this.name = 'RtmError';
    this.type = type;
    this.data = data;
  }
}
