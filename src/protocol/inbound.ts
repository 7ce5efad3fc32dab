import type { ClientEvents } from './client-types';
import type { emitter } from './emitter';
import { frame } from './frame';
import type { PendingRequests } from './pending-requests';
import { RtmError } from './rtm-error';
import type { sideStorage } from './side-storage';
import type { PushMap } from './types';

const OWN_EVENTS = ['push', 'login', 'connection_state', 'frame_error'];

/**
 * Routes inbound messages: responses settle their request (only frames of `type: "response"`, so the
 * requester's own push copy never settles it), pushes go to their handlers and the generic `push`
 * handler, `customer_side_storage_updated` is persisted, server pings are swallowed, and malformed
 * frames are dropped, counted and reported to `frame_error`.
 */
export function inbound(
  pending: PendingRequests,
  side: ReturnType<typeof sideStorage>,
  events: ReturnType<typeof emitter<ClientEvents>>,
) {
  let dropped = 0;
  return {
    /** How many malformed frames were dropped. */
    get dropped(): number {
      return dropped;
    },
    /** Handles one message; returns the payload (reason, data) when it was a `customer_disconnected` push. */
    receive(data: unknown): PushMap['customer_disconnected'] | undefined {
      const parsed = frame(data);
      if ('error' in parsed) {
        dropped++;
        events.emit('frame_error', { reason: parsed.error, data });
        return undefined;
      }
      const f = parsed.frame;
      if (f.action === 'ping') return undefined;
      if (f.type === 'response') {
        if (f.request_id) {
          const e = !f.success && f.payload.error;
          // frame() checked the error's type, not its message: one that is not text would throw in Error().
          const error = e && new RtmError(e.type, typeof e.message === 'string' ? e.message : e.type, e.data);
          pending.settle(f.request_id, error || (f.payload ?? {}));
        }
        return undefined;
      }
      const payload = (f.payload ?? {}) as Record<string, unknown>;
      if (f.action === 'customer_side_storage_updated') side.write(payload.customer_side_storage as Record<string, unknown>);
      // A push named like one of the client's own events must not reach those listeners.
      if (!OWN_EVENTS.includes(f.action)) {
        (events.emit as (name: string, ...args: unknown[]) => void)(f.action, payload, f.request_id);
      }
      events.emit('push', f.action, payload, f.request_id);
      return f.action === 'customer_disconnected' ? (payload as PushMap['customer_disconnected']) : undefined;
    },
  };
}
