import type { EventBase } from '../protocol/types';

/**
 * When an event happened, in ms: released v3.1 `created_at`, else the seed's `timestamp` seconds.
 *
 * @example
 * eventTime({ id: 'e', created_at: '2024-05-14T09:00:00.000000Z' }); // 1715677200000
 */
export function eventTime(e: EventBase): number | null {
  if (typeof e.created_at === 'string') {
    const ms = Date.parse(e.created_at);
    if (!Number.isNaN(ms)) return ms;
  }
  return typeof e.timestamp === 'number' ? e.timestamp * 1000 : null;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * A time of day in the visitor's locale.
 *
 * @example
 * clock(Date.UTC(2024, 4, 14, 9, 5)); // '11:05 AM' (depends on locale and zone)
 */
export const clock = (ms: number): string => clockFormat.format(ms);

/**
 * Local midnight of `ms`, so two times compare by calendar day.
 *
 * @example
 * dayStart(Date.now()) === new Date().setHours(0, 0, 0, 0); // true
 */
export const dayStart = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);

/**
 * A day heading: "Today", "Yesterday", else a short date (with the year when it is not this year).
 *
 * @example
 * dayLabel(Date.now(), Date.now(), { today: 'Today', yesterday: 'Yesterday' }); // 'Today'
 */
export function dayLabel(ms: number, now: number, words: { today: string; yesterday: string }): string {
  const days = Math.round((dayStart(now) - dayStart(ms)) / 864e5);
  if (days === 0) return words.today;
  if (days === 1) return words.yesterday;
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(ms);
}
