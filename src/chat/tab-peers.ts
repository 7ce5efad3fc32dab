import type { Change } from './state/change';

/**
 * What one tab's store tells the visitor's other tabs: outbox changes (and the visitor's own read
 * receipts) it made, the draft it holds for a chat, whether sounds are muted.
 */
export interface TabNote {
  changes?: Change[];
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
