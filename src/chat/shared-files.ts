import { effect, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { OutboxEntry } from './state/chat-state';
import type { TabPeers } from './tab-peers';

/** What {@link shareFiles} needs: the store's file bytes and upload progress, and its outbox. */
export interface SharedFilesOptions {
  peers: TabPeers;
  blobs: Map<string, Blob>;
  progress: Signal<Record<string, number>>;
  entries: ReadonlySignal<OutboxEntry[]>;
}

/**
 * The rest of the files' way among the visitor's tabs (loaded with the attachments): the bytes of a
 * queued file go along with its entry (chat/shared-changes.ts), so every tab that was open holds them;
 * a tab that starts with files waiting that it has no bytes for (it opened after they were attached)
 * asks the others for them here, and IndexedDB is its fallback. The leader's upload progress is told
 * to every tab. Returns the disposer.
 */
export function shareFiles({ peers, blobs, progress, entries }: SharedFilesOptions): () => void {
  const missing = entries.peek().flatMap((e) => (e.file && e.status != 'sent' && !blobs.has(e.customId) ? [e.customId] : []));
  if (missing.length > 0) peers.post({ want: missing });
  const stops = [
    peers.listen((note) => {
      const files: Record<string, Blob> = {};
      for (const id of Array.isArray(note.want) ? note.want : []) if (blobs.has(id)) files[id] = blobs.get(id)!;
      if (Object.keys(files).length > 0) peers.post({ files });
      if (note.progress && !peers.leads) progress.value = note.progress;
    }),
    effect(() => {
      const value = progress.value;
      if (peers.leads) peers.post({ progress: value });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
