/**
 * A read receipt's time in ms: released v3.1's RFC 3339 (`events_seen_up_to`, `seen_up_to`), else the
 * seed's seconds (`last_seen_timestamp`, `timestamp`); NaN without either. The one place it is read.
 */
export function seenTime(rfc3339: unknown, seconds: unknown): number {
  const ms = typeof rfc3339 === 'string' ? Date.parse(rfc3339) : NaN;
  return Number.isNaN(ms) && typeof seconds === 'number' ? seconds * 1000 : ms;
}
