import type { EventBase } from '../../protocol/types';

/**
 * When an event happened, in ms: released v3.1's `created_at`, else the seed's `timestamp` (seconds);
 * `null` when it carries neither. The one place an event's time is read.
 */
export function eventTime(e: Pick<EventBase, 'created_at' | 'timestamp'>): number | null {
  if (typeof e.created_at === 'string') {
    const ms = Date.parse(e.created_at);
    if (!Number.isNaN(ms)) return ms;
  }
  return typeof e.timestamp === 'number' ? e.timestamp * 1000 : null;
}
