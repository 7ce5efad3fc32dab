import type { Clock } from './clock';
import { RtmError } from './rtm-error';

interface Entry {
  resolve(payload: unknown): void;
  reject(error: RtmError): void;
  timer: unknown;
}

/**
 * Requests waiting for their response, by `request_id`. Each settles exactly once — answer, error,
 * timeout or `failAll` — and its timer is cleared when it does, so nothing stays scheduled.
 */
export function pendingRequests(clock: Clock) {
  const entries = new Map<string, Entry>();

  const take = (id: string) => {
    const entry = entries.get(id);
    if (entry) {
      entries.delete(id);
      clock.clearTimeout(entry.timer);
    }
    return entry;
  };

  return {
    /** Registers `id`; the promise rejects with `request_timeout` after `timeoutMs` without an answer. */
    add(id: string, timeoutMs: number): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const timer = clock.setTimeout(
          () => take(id)?.reject(new RtmError('request_timeout', `No response within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        entries.set(id, { resolve, reject, timer });
      });
    },
    /** Settles `id` with a payload or an error; false when nothing waits for it. */
    settle(id: string, result: unknown): boolean {
      const entry = take(id);
      if (entry) (result instanceof RtmError ? entry.reject : entry.resolve)(result as RtmError);
      return !!entry;
    },
    /** Rejects every waiting request with `error` (the socket is gone). */
    failAll(error: RtmError): void {
      for (const id of [...entries.keys()]) take(id)?.reject(error);
    },
  };
}

/** The object {@link pendingRequests} returns. */
export type PendingRequests = ReturnType<typeof pendingRequests>;
