import type { Change } from './state/change';

const SHARED: readonly Change['type'][] = ['send_queued', 'event_confirmed', 'send_failed', 'send_retried', 'seen_updated'];

/**
 * The changes a tab makes that the visitor's other tabs apply too: the outbox's (what was composed
 * there, confirmed, refused or retried: every tab shows the same pending messages and the one that
 * leads sends them), and the visitor's own read receipts (read in one tab, read in all). What comes
 * from the server reaches every tab anyway, with the leader's pushes.
 */
export const sharedChanges = (changes: Change[]): Change[] =>
  changes.filter((c) => SHARED.includes(c.type) && !(c.type == 'seen_updated' && c.userId !== undefined));
