import { useEffect, useRef } from 'preact/hooks';
import { useLatest } from './use-latest';

/** Within this many pixels of the bottom counts as at the bottom. */
export const NEAR = 48;

/**
 * Where the message list's view is, and keeping it there. It sticks to the bottom while the visitor
 * is there; `keep(row)` holds a row where it is on screen across the next render (the window moved
 * around it); without either, a render that adds older events above keeps the distance from the
 * bottom. It tells the visitor's scrolling (`heading`) from its own, and follows the view's height:
 * at the bottom it stays there when the view grows or shrinks, and `onResize` runs.
 */
export function useListScroll(log: { readonly current: HTMLDivElement | null }, onResize: () => void) {
  const stick = useRef(true);
  const fromBottom = useRef(0);
  const lastTop = useRef(0);
  // Where the visitor is heading: set by their scrolling, never by the list's own.
  const heading = useRef<'older' | 'newer' | null>(null);
  const anchor = useRef<{ el: HTMLElement; top: number } | null>(null);
  const resized = useLatest(onResize);

  const toBottom = () => {
    const el = log.current;
    if (el) lastTop.current = el.scrollTop = el.scrollHeight;
    stick.current = true;
  };

  useEffect(() => {
    const el = log.current!;
    const observer = new ResizeObserver(() => {
      // A report can still arrive once the list is unmounted (seen when a widget is destroyed).
      if (!log.current) return;
      if (stick.current) lastTop.current = el.scrollTop = el.scrollHeight;
      resized.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return {
    stick,
    heading,
    toBottom,
    keep(row: HTMLElement | undefined): void {
      anchor.current = row ? { el: row, top: row.offsetTop - log.current!.scrollTop } : null;
    },
    /** After a render (a layout effect): puts the view back where it belongs. */
    place(olderAdded: boolean): void {
      const el = log.current!;
      const held = anchor.current;
      anchor.current = null;
      if (stick.current) el.scrollTop = el.scrollHeight;
      // Absolute, not a delta: the browser's own scroll anchoring may have moved the view already.
      else if (held?.el.isConnected) el.scrollTop = held.el.offsetTop - held.top;
      else if (olderAdded) el.scrollTop = el.scrollHeight - fromBottom.current;
      fromBottom.current = el.scrollHeight - el.scrollTop;
      lastTop.current = el.scrollTop;
    },
    /** The visitor (or the browser) scrolled: returns whether the view is at the bottom now. */
    scrolled(): boolean {
      const el = log.current!;
      fromBottom.current = el.scrollHeight - el.scrollTop;
      // The list's own scrolling (keeping the view in place, following the bottom) says nothing of where the visitor goes.
      if (el.scrollTop !== lastTop.current) heading.current = el.scrollTop < lastTop.current ? 'older' : 'newer';
      lastTop.current = el.scrollTop;
      return fromBottom.current - el.clientHeight < NEAR;
    },
  };
}
