import { isObject } from './is-object';
import { pushShape } from './push-shape';
import type { InboundFrame } from './types';

// These ids become keys of the chat store's maps (chats, threads, users, typing, read receipts), and
// one named like an Object.prototype member (`__proto__`, `constructor`) would read the prototype
// instead of a chat. No LiveChat id looks so. Free-form ids (`custom_id`, a postback's `id`) stay free.
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const ID_KEYS = new Set(['chat_id', 'thread_id', 'user_id', 'author_id', 'customer_id', 'last_thread_id', 'user_ids', 'thread_ids']);
/** Keys holding chats, threads or users (one or a list), whose `id` is such a key too. */
const HOLDERS = new Set(['chat', 'chats_summary', 'thread', 'threads', 'user', 'users']);
const isPrototypeName = (v: unknown) => typeof v === 'string' && PROTOTYPE_NAMES.has(v);
// Whether the raw text can hold such an id at all: one of the names as a whole JSON string, or a
// `\u` escape of an ASCII letter or `_` (which could spell one). Scanning the text is ~10× cheaper
// than walking the parsed value, and a frame that cannot hold one (nearly all) skips the walk.
const MAY_NAME_PROTOTYPE = new RegExp(`"(?:${[...PROTOTYPE_NAMES].join('|')})"|\\\\u00[4-7]`);

/** The id field of `key: value` that names an Object.prototype member. */
function prototypeId(key: string, value: unknown): string | undefined {
  // Most keys (texts, types, times) are neither kind: a 10,000-event history has ~100,000 of them.
  if (!ID_KEYS.has(key) && !HOLDERS.has(key)) return undefined;
  const values = [value].flat();
  if (ID_KEYS.has(key) && values.some(isPrototypeName)) return key;
  if (HOLDERS.has(key) && values.some((v) => isObject(v) && isPrototypeName(v.id))) return `${key}.id`;
  return undefined;
}

/**
 * The first such id in a parsed frame, children before their key as a JSON.parse reviver would see
 * them. A walk after parsing, because a reviver makes JSON.parse several times slower, and a long
 * history arrives in one frame.
 */
function findPrototypeId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = findPrototypeId(v);
      if (bad) return bad;
    }
    return undefined;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    const bad = findPrototypeId(v) ?? prototypeId(key, v);
    if (bad) return bad;
  }
  return undefined;
}

/** Why an inbound frame was dropped, or the parsed frame. */
export type FrameResult = { frame: InboundFrame } | { error: string };

/**
 * Parses one inbound WebSocket message defensively: anything that is not a JSON object with a string
 * `action`, a `type` of `response` or `push` (inferred from `success` when absent), a string
 * `request_id` and an object `payload` is reported as an error instead of throwing. An error response
 * must carry `payload.error.type`, so a request never rejects with an empty error; a known push must
 * carry the fields its handlers rely on ({@link pushShape}), and no chat, thread or user id may name
 * an `Object.prototype` member.
 */
export function frame(data: unknown): FrameResult {
  let f: unknown;
  let badId: string | undefined;
  try {
    f = JSON.parse(data as string);
    if (typeof data !== 'string' || MAY_NAME_PROTOTYPE.test(data)) badId = findPrototypeId(f);
  } catch {
    return { error: 'bad JSON' };
  }
  if (!isObject(f)) return { error: 'not an object' };
  if (badId) return { error: `bad ${badId}` };
  const { action, request_id: id, payload, success } = f;
  const type = f.type ?? (success === undefined ? 'push' : 'response');
  if (typeof action !== 'string' || !action) return { error: 'missing action' };
  if (type !== 'push' && type !== 'response') return { error: 'bad type' };
  if (id !== undefined && typeof id !== 'string') return { error: 'bad request_id' };
  if (payload !== undefined && !isObject(payload)) return { error: 'bad payload' };
  if (type === 'response') {
    if (typeof success !== 'boolean') return { error: 'bad success' };
    if (!success && !(isObject(payload) && isObject(payload.error) && typeof payload.error.type === 'string')) {
      return { error: 'bad error' };
    }
  } else {
    const bad = pushShape(action, payload ?? {});
    if (bad) return { error: bad };
  }
  return { frame: { ...f, type } as InboundFrame };
}
