// The `titleBadge` option: the one change the widget makes to the host page, and only when asked.
import { effect, type ReadonlySignal } from '@preact/signals-core';

/** The slice of `document` the badge touches: its title, and where a page's own title changes show. */
export interface TitleDocument {
  title: string;
  head: Node | null;
}

/**
 * Puts `(n) ` before the page's title while `count` (the unread agent messages) is above zero, and
 * puts the page's title back exactly when it drops to zero or on `dispose()`. A title the page sets
 * meanwhile (an SPA's route) is the one badged from then on, and the one left in place.
 * `title()` is the page's title without the badge, for what the widget reports about the page.
 */
export function titleBadge(doc: TitleDocument, count: ReadonlySignal<number>, observe = (fn: () => void, node: Node) => {
  const observer = new MutationObserver(fn);
  observer.observe(node, { subtree: true, childList: true, characterData: true });
  return () => observer.disconnect();
}) {
  let base = doc.title;
  let written: string | undefined;
  const show = (n: number) => {
    if (doc.title != written) base = doc.title;
    if (n == 0 && written === undefined) return;
    written = n > 0 ? `(${n}) ${base}` : undefined;
    // Only a change: writing the title is a mutation the observer hears.
    if (doc.title != (written ?? base)) doc.title = written ?? base;
  };
  const stops = [effect(() => show(count.value)), doc.head ? observe(() => show(count.peek()), doc.head) : () => {}];
  return {
    title: () => (doc.title == written ? base : doc.title),
    dispose(): void {
      stops.forEach((stop) => stop());
      show(0);
    },
  };
}
