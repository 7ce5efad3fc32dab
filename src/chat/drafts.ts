import { effect, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { safeStorage, type StorageLike } from '../protocol/safe-storage';
import type { TabPeers } from './tab-peers';

/** What {@link keepDrafts} needs. */
export interface DraftOptions {
  /** Where the draft outlives the page (the widget passes sessionStorage); memory only when `null` or missing. */
  storage: StorageLike | null | undefined;
  key: string;
  /** The store's draft signal, which this keeps. */
  draft: Signal<string>;
  /** The chat the draft belongs to; `null` before there is one. */
  chatId: ReadonlySignal<string | null>;
  peers: TabPeers | undefined;
}

/**
 * What the visitor typed and did not send, per chat: kept in storage, so the next page shows it again
 * once its chat is known, and told to the visitor's other tabs. A composer takes a kept or told draft
 * only while it is empty, or still shows the draft it took before: what the visitor typed in a tab is
 * never replaced, and a draft taken from another tab follows it there (sent there, it leaves).
 */
export function keepDrafts(o: DraftOptions) {
  const storage = safeStorage(o.storage ?? null);
  // The draft this composer took from storage or another tab, while it still shows it.
  let taken: string | null = null;
  const chatOf = () => o.chatId.peek() ?? '';
  const take = (chatId: unknown, text: unknown) => {
    if (chatId !== chatOf() || typeof text != 'string') return;
    const mine = o.draft.peek();
    if (mine && mine !== taken) return;
    o.draft.value = taken = text;
  };
  const stops = [
    effect(() => {
      void o.chatId.value;
      const kept = storage.getJson(o.key) as { chatId?: unknown; text?: unknown } | undefined;
      take(kept?.chatId, kept?.text);
    }),
    o.peers?.listen((note) => note.draft && take(note.draft.chatId, note.draft.text)),
  ];
  return {
    /** The visitor's own text: typed, or `''` once sent. */
    set(text: string): void {
      o.draft.value = text;
      taken = null;
      const chatId = chatOf();
      if (text) storage.setJson(o.key, { chatId, text });
      else storage.remove(o.key);
      o.peers?.post({ draft: { chatId, text } });
    },
    dispose: () => stops.forEach((stop) => stop?.()),
  };
}

/** The object {@link keepDrafts} returns. */
export type Drafts = ReturnType<typeof keepDrafts>;
