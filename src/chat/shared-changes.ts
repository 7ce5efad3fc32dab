import type { Change } from './state/change';

const SHARED: readonly Change['type'][] = ['send_queued', 'event_confirmed', 'send_failed', 'send_retried', 'file_uploaded', 'send_removed', 'seen_updated'];

/**
 * The changes a tab makes that the visitor's other tabs apply too: the outbox's (what was composed
 * there, confirmed, refused, retried, uploaded or taken back: every tab shows the same pending
 * messages and files, and the one that leads sends them), and the visitor's own read receipts (read
 * in one tab, read in all). What comes from the server reaches every tab anyway, with the leader's
 * pushes.
 */
export const sharedChanges = (changes: Change[]): Change[] =>
  changes.filter((c) => SHARED.includes(c.type) && !(c.type == 'seen_updated' && c.userId !== undefined));

/**
 * The bytes of the files `changes` queue, to go with them: the tab that leads uploads every tab's
 * files, and the next leader those its predecessor did not finish. A Blob crosses a BroadcastChannel
 * as a reference to the same bytes, not a copy.
 */
export function filesOf(changes: Change[], blobs: Map<string, Blob>): Record<string, Blob> | undefined {
  const files: Record<string, Blob> = {};
  for (const c of changes) if (c.type == 'send_queued') for (const e of c.entries) if (blobs.has(e.customId)) files[e.customId] = blobs.get(e.customId)!;
  return Object.keys(files).length > 0 ? files : undefined;
}

/** Keeps the bytes another tab sent (`files` of its note) that this one lacks; returns their ids. */
export function takeFiles(files: unknown, blobs: Map<string, Blob>): string[] {
  if (typeof files != 'object' || !files) return [];
  const ids = Object.keys(files).filter((id) => !blobs.has(id) && (files as Record<string, unknown>)[id] instanceof Blob);
  for (const id of ids) blobs.set(id, (files as Record<string, Blob>)[id]!);
  return ids;
}
