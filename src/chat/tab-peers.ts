import type { Change } from './state/change';

/**
 * What one tab's store tells the visitor's other tabs: outbox changes (and the visitor's own read
 * receipts) it made, with the bytes of the files they queue; the draft it holds for a chat; whether
 * sounds are muted; files it has no bytes for (`want`), and the upload progress of the one that leads
 * (chat/shared-files.ts).
 */
export interface TabNote {
  changes?: Change[];
  files?: Record<string, Blob>;
  want?: string[];
  progress?: Record<string, number>;
  draft?: { chatId: string; text: string };
  muted?: boolean;
}

/**
 * The visitor's other tabs as the store sees them (chat/tab-client.ts is one): whether this tab
 * leads, which makes it the one that sends the outbox, and notes to and from the others.
 */
export interface TabPeers {
  readonly leads: boolean;
  post(note: TabNote): void;
  /** Listens to the others' notes; returns the unsubscribe. */
  listen(fn: (note: TabNote) => void): () => void;
}
