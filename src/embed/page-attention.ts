// What the widget does on the host page for the visitor's attention: it tells the store whether the
// page is in view, plays the chime (option `sound`) and badges the page's title (option
// `titleBadge`). The chime's and the badge's code load when first needed.
import { effect } from '@preact/signals-core';
import type { ChatStore } from '../chat/create-chat-store';
import { watchAttention } from './attention';
import type { createChime } from './chime';
import type { titleBadge } from './title-badge';
import type { ChatWidgetConfig } from './types';

/**
 * Starts watching for `store` in the widget's shadow `root`; returns the page's title without the
 * badge (`title()`) and `stop()`, which also puts the title back and closes the audio.
 */
export function pageAttention(store: ChatStore, root: ShadowRoot, config: Pick<ChatWidgetConfig, 'licenseId' | 'sound' | 'titleBadge'>) {
  let stopped = false;
  const inView = () => store.actions.setPageVisible(!document.hidden);
  inView();
  document.addEventListener('visibilitychange', inView);

  let chime: Promise<ReturnType<typeof createChime>> | undefined;
  const attention =
    config.sound === false
      ? undefined
      : watchAttention({
          store,
          // Looked up on each call: reading `localStorage` itself throws where storage is blocked.
          storage: {
            getItem: (k) => localStorage.getItem(k),
            setItem: (k, v) => localStorage.setItem(k, v),
            removeItem: (k) => localStorage.removeItem(k),
          },
          key: `chatlet_chime_${config.licenseId}`,
          onUse(fn) {
            const types = ['pointerdown', 'keydown'];
            for (const type of types) root.addEventListener(type, fn, true);
            return () => types.forEach((type) => root.removeEventListener(type, fn, true));
          },
          hidden: () => document.hidden,
          play: () => void (chime ??= import('./chime').then((m) => m.createChime())).then((c) => stopped || c.play()),
          now: Date.now,
        });
  const leave = () => attention?.forget();
  addEventListener('pagehide', leave);

  let badge: ReturnType<typeof titleBadge> | undefined;
  let badging: Promise<void> | undefined;
  const stopBadge = effect(() => {
    if (config.titleBadge && store.unreadCount.value > 0) {
      badging ??= import('./title-badge').then((m) => void (stopped || (badge = m.titleBadge(document, store.unreadCount))));
    }
  });

  return {
    title: () => badge?.title() ?? document.title,
    stop(): void {
      stopped = true;
      document.removeEventListener('visibilitychange', inView);
      removeEventListener('pagehide', leave);
      attention?.stop();
      stopBadge();
      badge?.dispose();
      void chime?.then((c) => c.close());
    },
  };
}
