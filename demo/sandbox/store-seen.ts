// Read markers: how far each user has seen a chat, in both the draft (`timestamp`, seconds) and
// released (`seen_up_to`, RFC 3339) forms of v3.1, and whether a chat has unread events.
import { stamp } from './store';
import type { ChatRecord, Store } from './store';

/** An RFC 3339 date in the store's fixed-width µs UTC form, so dates compare as text. */
function micros(date: string): string {
  const ms = Date.parse(date);
  const fraction = /\.(\d+)(?:Z|[+-]\d\d:\d\d)$/.exec(date)?.[1] ?? '';
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction.padEnd(6, '0').slice(0, 6)}Z`;
}

/**
 * Records how far a user has seen a chat; returns the stored values.
 * @example
 * markSeen(store, chat, customerId, { timestamp: 1473433500 });
 */
export function markSeen(
  store: Store,
  chat: ChatRecord,
  userId: string,
  at: { timestamp?: number; seenUpTo?: string } = {},
): { timestamp: number; seenUpTo: string } {
  const now = stamp(store);
  const timestamp = at.timestamp ?? (at.seenUpTo !== undefined ? Math.floor(Date.parse(at.seenUpTo) / 1000) : now.timestamp);
  const seenUpTo =
    at.seenUpTo !== undefined
      ? micros(at.seenUpTo)
      : at.timestamp !== undefined
        ? micros(new Date(at.timestamp * 1000).toISOString())
        : now.created_at;
  const entry = { timestamp, seenUpTo };
  chat.seen.set(userId, entry);
  return entry;
}

/**
 * Whether the chat has events by others, visible to the user, newer than what it has seen.
 * @example
 * hasUnread(chat, customerId, 'customer');
 */
export function hasUnread(chat: ChatRecord, userId: string, audience: 'customer' | 'agent'): boolean {
  const seen = chat.seen.get(userId)?.seenUpTo ?? '';
  return chat.threads.some((t) =>
    t.events.some((e) => e.author_id !== userId && (audience === 'agent' || e.recipients !== 'agents') && e.created_at > seen),
  );
}
