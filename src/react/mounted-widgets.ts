// The <ChatWidget>s on the page, in the order they mounted: a hook outside any of them reads the
// last one, which on a page with one widget (the usual case) is that widget.
import type { WidgetStore } from './widget-store';

const stores: WidgetStore[] = [];
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** The mounted widgets' stores, for useSyncExternalStore. */
export const mountedWidgets = {
  /** Adds a mounted widget's store; returns its removal. */
  add(store: WidgetStore): () => void {
    stores.push(store);
    changed();
    return () => {
      const at = stores.indexOf(store);
      if (at >= 0) stores.splice(at, 1);
      changed();
    };
  },
  /** The last mounted widget's store. */
  current: (): WidgetStore | null => stores[stores.length - 1] ?? null,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
