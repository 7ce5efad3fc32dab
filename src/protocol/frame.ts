import { isObject } from './is-object';
import { pushShape } from './push-shape';
import type { InboundFrame } from './types';

/** Why an inbound frame was dropped, or the parsed frame. */
export type FrameResult = { frame: InboundFrame } | { error: string };

/**
 * Parses one inbound WebSocket message defensively: anything that is not a JSON object with a string
 * `action`, a `type` of `response` or `push` (inferred from `success` when absent), a string
 * `request_id` and an object `payload` is reported as an error instead of throwing. An error response
 * must carry `payload.error.type`, so a request never rejects with an empty error; a known push must
 * carry the fields its handlers rely on ({@link pushShape}).
 *
 * @example
 * frame('{"action":"incoming_event","type":"push","payload":{}}'); // { frame: { action: 'incoming_event', … } }
 * frame('nope');                                                   // { error: 'bad JSON' }
 */
export function frame(data: unknown): FrameResult {
  let f: unknown;
  try {
    f = JSON.parse(data as string);
  } catch {
    return { error: 'bad JSON' };
  }
  if (!isObject(f)) return { error: 'not an object' };
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
