// What the widget does on the host page for the visitor's attention: it tells the store whether the
// page is in view, plays the chime (option `sound`) and badges the page's title (option
// `titleBadge`). Their code loads when first needed: the chime's rules once the visitor uses the
// widget (nothing plays before), its sound on the first play, the badge with the first unread message.
import { effect } from '@preact/signals-core';
import type { ChatStore } from '../chat/create-chat-store';
import type { watchAttention } from './attention';
import type { createChime } from './chime';
import type { titleBadge } from './title-badge';
import type { ChatWidgetConfig } from './types';

const USES = ['pointerdown', 'keydown'];

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
  let attention: ReturnType<typeof watchAttention> | undefined;
  const onUse = (fn: () => void) => {
    for (const type of USES) root.addEventListener(type, fn, true);
    return () => USES.forEach((type) => root.removeEventListener(type, fn, true));
  };
  const firstUse = () => {
    stopFirstUse();
    void import('./attention').then((m) => {
      if (stopped) return;
      attention = m.watchAttention({
        store,
        // Looked up on each call: reading `localStorage` itself throws where storage is blocked.
        storage: {
          getItem: (k) => localStorage.getItem(k),
          setItem: (k, v) => localStorage.setItem(k, v),
          removeItem: (k) => localStorage.removeItem(k),
        },
        key: `chatlet_chime_${config.licenseId}`,
        onUse,
        hidden: () => document.hidden,
        play: () => void (chime ??= import('./chime').then((c) => c.createChime())).then((c) => stopped || c.play()),
        now: Date.now,
      });
      // Not loaded (offline?): the next use tries again.
    }, () => stopped || (stopFirstUse = onUse(firstUse)));
  };
  let stopFirstUse = config.sound === false ? () => {} : onUse(firstUse);
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
      stopFirstUse();
      attention?.stop();
      stopBadge();
      badge?.dispose();
      void chime?.then((c) => c.close());
    },
  };
}
