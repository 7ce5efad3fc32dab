// Every wire type of the Customer Chat RTM API v3.1 in one import; the chat layer and the sandbox use these.
export type * from './event-types';
export type * from './form-types';
export type * from './chat-types';
export type * from './login-types';
export type * from './rich-message-types';
export type * from './push-types';
export type * from './method-types';

/**
 * Error types the server sends in `payload.error.type` (seed 002 errors, protocol-notes §1).
 *
 * @example
 * const retryable = (t: ServerErrorType) => t === 'internal' || t === 'request_timeout';
 */
export type ServerErrorType =
  | 'authentication'
  | 'authorization'
  | 'customer_banned'
  | 'entity_too_large'
  | 'greeting_not_found'
  | 'group_not_found'
  | 'group_offline'
  | 'group_unavailable'
  | 'groups_offline'
  | 'internal'
  | 'license_expired'
  | 'license_not_found'
  | 'misdirected_request'
  | 'pending_requests_limit_reached'
  | 'request_timeout'
  | 'too_many_requests'
  | 'unsupported_version'
  | 'users_limit_reached'
  | 'validation'
  | 'wrong_product_version';

/**
 * The error object of a `success: false` response.
 *
 * @example
 * const body: ErrorBody = { type: 'validation', message: 'Wrong format of request' };
 */
export interface ErrorBody {
  type: ServerErrorType | (string & {});
  message: string;
  data?: unknown;
}

/**
 * An inbound frame as the server sends it. `request_id` is set on responses and on the requester's own
 * copy of a push; `type` tells them apart.
 *
 * @example
 * const isResponse = (f: InboundFrame) => f.type === 'response';
 */
export type InboundFrame =
  | { type: 'response'; action: string; request_id?: string; success: true; payload?: unknown }
  | { type: 'response'; action: string; request_id?: string; success: false; payload: { error: ErrorBody } }
  | { type: 'push'; action: string; request_id?: string; payload?: unknown };

/**
 * An outbound request frame.
 *
 * @example
 * const frame: RequestFrame = { request_id: '1', action: 'get_chats_summary', payload: {} };
 */
export interface RequestFrame {
  request_id?: string;
  action: string;
  payload?: unknown;
}

/**
 * The client's connection state; every transition is in one table (`TRANSITIONS`, customer-connection.ts).
 * `offline`: the browser reports no network. `closed`: for good (see `closeReason`).
 *
 * @example
 * const canSend = (s: ConnectionState) => s === 'online';
 */
export type ConnectionState = 'idle' | 'connecting' | 'logging_in' | 'online' | 'reconnecting' | 'offline' | 'closed';
