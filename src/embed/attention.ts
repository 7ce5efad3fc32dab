// The chime for an agent's message the visitor is not looking at, loaded when the visitor first uses
// the widget (no tab plays before: browsers let a page play sound only after the visitor acted on it).
// One tab plays: the one the visitor last used the widget in, recorded in localStorage for the
// visitor's tabs to agree. A tab that closes takes its record with it, after which no tab plays until
// the visitor uses the widget in one again.
import type { ReadonlySignal } from '@preact/signals-core';
import type { StoreEvents } from '../chat/store-events';
import type { Visibility } from '../chat/visibility';

/** What {@link watchAttention} needs; the page's side (storage, listeners, the sound) is injected. */
export interface AttentionOptions {
  store: {
    on(name: 'new_event', fn: (...args: StoreEvents['new_event']) => void): () => void;
    visibility: ReadonlySignal<Visibility>;
    muted: ReadonlySignal<boolean>;
  };
  /** Where the visitor's tabs record the one that plays (localStorage), and its key. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  key: string;
  /** Calls `fn` on each pointer or key press in the widget; returns the remover. */
  onUse(fn: () => void): () => void;
  /** Whether the page is out of view. */
  hidden(): boolean;
  /** Plays the chime (its code loads on the first play). */
  play(): void;
  now(): number;
}

/** Chimes closer together than this are one: a burst of messages plays once. */
const QUIET_MS = 2000;

/**
 * Starts once the visitor used the widget in this tab, which makes it the tab that plays, as each
 * later use does again. Plays the chime for each agent message that arrives while the chat is
 * minimized (or open on a page out of view), unless muted, if this is still that tab. `forget()`
 * gives up the record (the page goes); `stop()` also stops listening.
 */
export function watchAttention(o: AttentionOptions) {
  const id = Math.random().toString(36).slice(2);
  let last = -QUIET_MS;
  const attempt = (fn: () => string | null | void) => {
    try {
      return fn();
    } catch {
      // No storage: no tab can tell which plays, so none does.
    }
  };
  const mine = () => attempt(() => o.storage.getItem(o.key)) == id;
  const use = () => void (mine() || attempt(() => o.storage.setItem(o.key, id)));
  use();
  const stops = [
    o.onUse(use),
    o.store.on('new_event', ({ author }) => {
      const visibility = o.store.visibility.peek();
      const unseen = visibility == 'minimized' || (visibility == 'maximized' && o.hidden());
      if (author.type != 'agent' || !unseen || o.store.muted.peek() || !mine() || o.now() - last < QUIET_MS) return;
      last = o.now();
      o.play();
    }),
  ];
  const forget = () => void (mine() && attempt(() => o.storage.removeItem(o.key)));
  return {
    forget,
    stop(): void {
      stops.forEach((stop) => stop());
      forget();
    },
  };
}
