// What the widget does on the host page for the visitor's attention: it tells the store whether the
// page is in view, plays the chime (option `sound`) and badges the page's title (option
// `titleBadge`). Their code loads when first needed: the chime's rules and their wiring to the page
// (page-chime.ts) once the visitor uses the widget (nothing plays before), its sound on the first
// play, the badge with the first unread message.
import { effect } from '@preact/signals-core';
import type { ChatStore } from '../chat/create-chat-store';
import type { pageChime } from './page-chime';
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

  let attention: ReturnType<typeof pageChime> | undefined;
  const onUse = (fn: () => void) => {
    for (const type of USES) root.addEventListener(type, fn, true);
    return () => USES.forEach((type) => root.removeEventListener(type, fn, true));
  };
  const firstUse = () => {
    stopFirstUse();
    void import('./page-chime').then(
      (m) => void (stopped || (attention = m.pageChime(store, config.licenseId, onUse, () => stopped))),
      // Not loaded (offline?): the next use tries again.
      () => stopped || (stopFirstUse = onUse(firstUse)),
    );
  };
  let stopFirstUse = config.sound === false ? () => {} : onUse(firstUse);

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
      stopFirstUse();
      attention?.stop();
      stopBadge();
      badge?.dispose();
    },
  };
}
