// Automatic page tracking for SPAs without patching anything global: the Navigation API's
// `currententrychange` sees pushState, replaceState and traversals; browsers without it get
// `popstate` and `hashchange` (pushState alone goes unseen there; routers can call updatePage).
import type { PageInfo } from './types';

/** The slice of `window` the tracker reads, so tests can pass a fake. */
export interface PageSource {
  location: { href: string };
  document: { title: string };
  navigation?: EventTarget;
  addEventListener: EventTarget['addEventListener'];
  removeEventListener: EventTarget['removeEventListener'];
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: any): void;
}

/**
 * Calls `onPage` with the page's URL and title after each route change, once the router has had
 * `settleMs` to set the title; returns the function that stops tracking.
 */
export function trackPages(onPage: (page: PageInfo) => void, source: PageSource = window as never, settleMs = 100): () => void {
  const target = source.navigation ?? source;
  const names = source.navigation ? ['currententrychange'] : ['popstate', 'hashchange'];
  let timer: unknown;
  const report = () => {
    source.clearTimeout(timer);
    timer = source.setTimeout(() => onPage({ url: source.location.href, title: source.document.title }), settleMs);
  };
  for (const name of names) target.addEventListener(name, report);
  return () => {
    source.clearTimeout(timer);
    for (const name of names) target.removeEventListener(name, report);
  };
}
