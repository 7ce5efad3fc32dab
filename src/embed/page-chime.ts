import type { ChatStore } from '../chat/create-chat-store';
import { watchAttention } from './attention';
import type { createChime } from './chime';

/**
 * The chime's rules (attention.ts) on this page, loaded with the visitor's first use of the widget
 * (page-attention.ts): the tabs' record in localStorage, the sound (chime.ts) loaded on the first
 * play. `stopped()` says the widget went meanwhile. `stop()` stops the rules and closes the audio.
 */
export function pageChime(store: ChatStore, licenseId: number, onUse: (fn: () => void) => () => void, stopped: () => boolean) {
  let chime: Promise<ReturnType<typeof createChime>> | undefined;
  const watch = watchAttention({
    store,
    // Looked up on each call: reading `localStorage` itself throws where storage is blocked.
    storage: {
      getItem: (k) => localStorage.getItem(k),
      setItem: (k, v) => localStorage.setItem(k, v),
      removeItem: (k) => localStorage.removeItem(k),
    },
    key: `chatlet_chime_${licenseId}`,
    onUse,
    hidden: () => document.hidden,
    play: () => void (chime ??= import('./chime').then((c) => c.createChime())).then((c) => stopped() || c.play()),
    now: Date.now,
  });
  // A tab that goes gives up being the one that plays.
  addEventListener('pagehide', watch.forget);
  return {
    stop(): void {
      removeEventListener('pagehide', watch.forget);
      watch.stop();
      void chime?.then((c) => c.close());
    },
  };
}
