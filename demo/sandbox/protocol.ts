// Envelopes, errors and request validators shared by every sandbox transport (customer and
// agent, RTM and Web). Nothing here touches sockets or state, so both sides build their frames
// and their `validation` errors the same way.

/** A JSON object as received on the wire. */
export type Payload = Record<string, unknown>;

/** A parsed request frame: `{request_id?, action, payload}` (payload defaults to `{}`). */
export interface RequestFrame {
  request_id?: string;
  action: string;
  payload: Payload;
  author_id?: string;
}

/** Text limit of a message or sneak peek, in UTF-8 bytes (seed 002: 16 KB). */
export const MAX_TEXT_BYTES = 16 * 1024;
/** Largest frame a socket accepts; bigger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024;

const defaultMessages: Record<string, string> = {
  internal: 'Internal server error',
  validation: 'Wrong format of request',
  authorization: 'Authorization error',
  authentication: 'Authentication error',
  request_timeout: 'Request timed out',
  license_expired: 'License expired',
  unsupported_version: 'Unsupported version',
};

/**
 * An error a handler throws to answer with `{success:false, payload:{error}}`. `type` is one of
 * the seed's error types (`validation`, `authentication`, `authorization`, `groups_offline`, ...).
 * @example
 * throw new ApiError('authorization', 'chat PJ0MRSHTDG is not yours');
 */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message?: string,
    readonly data?: Payload,
    /** The Web API's HTTP status when the type alone does not say it (a body too large is `validation` with 413). */
    readonly httpStatus?: number,
  ) {
    super(message ?? defaultMessages[type] ?? type);
  }
}

/**
 * A response envelope; `request_id` is copied only when the request had one.
 * @example
 * response('get_form', { enabled: false }, '7'); // {request_id:'7', action:'get_form', type:'response', success:true, payload:{enabled:false}}
 */
export function response(action: string, payload: unknown, requestId?: string): Payload {
  return { ...(requestId !== undefined && { request_id: requestId }), action, type: 'response', success: true, payload };
}

/**
 * An error response envelope with the seed's error payload `{error:{type, message, data?}}`.
 * @example
 * errorResponse('login', new ApiError('authentication'), '1');
 */
export function errorResponse(action: string, error: ApiError, requestId?: string): Payload {
  const body = { type: error.type, message: error.message, ...(error.data && { data: error.data }) };
  return {
    ...(requestId !== undefined && { request_id: requestId }),
    action,
    type: 'response',
    success: false,
    payload: { error: body },
  };
}

/**
 * A push envelope; `request_id` only on the requester's own copy.
 * @example
 * push('incoming_event', { chat_id, thread_id, event });
 */
export function push(action: string, payload: unknown, requestId?: string): Payload {
  return { ...(requestId !== undefined && { request_id: requestId }), action, type: 'push', payload };
}

/** Result of {@link parseFrame}: the frame, or an error plus whatever action/request id was readable. */
export type ParsedFrame =
  | { ok: true; frame: RequestFrame }
  | { ok: false; error: ApiError; action: string; requestId?: string };

/**
 * Parses one text frame defensively: bad JSON, a non-object, a missing action or a
 * non-object payload become a `validation` error instead of an exception.
 * @example
 * const parsed = parseFrame('{"action":"ping"}'); // {ok:true, frame:{action:'ping', payload:{}}}
 */
export function parseFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: new ApiError('validation', 'frame is not valid JSON'), action: 'unknown' };
  }
  if (!isObject(value)) return { ok: false, error: new ApiError('validation', 'frame must be a JSON object'), action: 'unknown' };
  const requestId = typeof value.request_id === 'string' ? value.request_id : undefined;
  const action = typeof value.action === 'string' && value.action !== '' ? value.action : undefined;
  const fail = (message: string): ParsedFrame => ({
    ok: false,
    error: new ApiError('validation', message),
    action: action ?? 'unknown',
    ...(requestId !== undefined && { requestId }),
  });
  // `request_id` and `payload` are optional: `null` is the same as leaving them out.
  if (value.request_id != null && requestId === undefined) return fail('`request_id` must be a string');
  if (action === undefined) return fail('`action` is required and must be a non-empty string');
  if (value.payload != null && !isObject(value.payload)) return fail('`payload` must be an object');
  const frame: RequestFrame = { action, payload: isObject(value.payload) ? value.payload : {} };
  if (requestId !== undefined) frame.request_id = requestId;
  if (typeof value.author_id === 'string') frame.author_id = value.author_id;
  return { ok: true, frame };
}

/**
 * True for a plain JSON object (not null, not an array).
 * @example
 * isObject({}); // true
 */
export function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, expected: string): ApiError {
  return new ApiError('validation', `\`${field}\` ${expected}`);
}

function get(payload: Payload, field: string): unknown {
  return payload[field.slice(field.lastIndexOf('.') + 1)];
}

/**
 * An optional field's value, `undefined` when it is absent or JSON `null`: a real server treats an
 * optional `null` as "not sent" (LiveChat's own SDK sends `customer_side_storage: null` on a first
 * visit), so every `opt*` reader goes through here. Required readers still refuse `null`.
 * @example
 * optional({ title: null }, 'title'); // undefined
 */
export function optional(payload: Payload, field: string): unknown {
  const v = get(payload, field);
  return v === null ? undefined : v;
}

/**
 * Required string field; `field` may be a dotted path used in the message (`chat.id`), the last
 * segment is read from `payload`.
 * @example
 * const chatId = reqString(payload, 'chat_id');
 */
export function reqString(payload: Payload, field: string): string {
  const v = get(payload, field);
  if (typeof v !== 'string' || v === '') throw invalid(field, 'is required and must be a non-empty string');
  return v;
}

/** Optional string field. @example const title = optString(payload, 'title'); */
export function optString(payload: Payload, field: string): string | undefined {
  const v = optional(payload, field);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalid(field, 'must be a string');
  return v;
}

/** Required integer field. @example const groupId = reqInt(payload, 'group_id'); */
export function reqInt(payload: Payload, field: string): number {
  const v = get(payload, field);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalid(field, 'is required and must be an integer');
  return v;
}

/** Optional integer field, checked against an inclusive range. @example optInt(payload, 'limit', 1, 25) ?? 10; */
export function optInt(payload: Payload, field: string, min = -Infinity, max = Infinity): number | undefined {
  const v = optional(payload, field);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalid(field, 'must be an integer');
  if (v < min || v > max) throw invalid(field, `must be between ${min} and ${max}`);
  return v;
}

/** Optional boolean field. @example const continuous = optBool(payload, 'continuous') ?? false; */
export function optBool(payload: Payload, field: string): boolean | undefined {
  const v = optional(payload, field);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw invalid(field, 'must be a boolean');
  return v;
}

/** Required object field. @example const event = reqObject(payload, 'event'); */
export function reqObject(payload: Payload, field: string): Payload {
  const v = get(payload, field);
  if (!isObject(v)) throw invalid(field, 'is required and must be an object');
  return v;
}

/** Optional object field. @example const chat = optObject(payload, 'chat') ?? {}; */
export function optObject(payload: Payload, field: string): Payload | undefined {
  const v = optional(payload, field);
  if (v === undefined) return undefined;
  if (!isObject(v)) throw invalid(field, 'must be an object');
  return v;
}

/** Required array field. @example const ids = reqArray(payload, 'thread_ids'); */
export function reqArray(payload: Payload, field: string): unknown[] {
  const v = get(payload, field);
  if (!Array.isArray(v)) throw invalid(field, 'is required and must be an array');
  return v;
}

/** Optional array field. @example const events = optArray(thread, 'chat.thread.events') ?? []; */
export function optArray(payload: Payload, field: string): unknown[] | undefined {
  const v = optional(payload, field);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw invalid(field, 'must be an array');
  return v;
}

/** Checks that every item of an array is a string. @example stringItems(ids, 'thread_ids'); */
export function stringItems(items: unknown[], field: string): string[] {
  if (!items.every((i): i is string => typeof i === 'string')) throw invalid(field, 'must contain only strings');
  return items;
}

/** Checks that every item of an array is an integer. @example intItems(groups, 'groups'); */
export function intItems(items: unknown[], field: string): number[] {
  if (!items.every((i): i is number => typeof i === 'number' && Number.isInteger(i))) {
    throw invalid(field, 'must contain only integers');
  }
  return items;
}

/** Rejects a text over {@link MAX_TEXT_BYTES}. @example checkTextSize(text, 'event.text'); */
export function checkTextSize(text: string, field: string): string {
  if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) throw invalid(field, `must be at most ${MAX_TEXT_BYTES} bytes`);
  return text;
}
