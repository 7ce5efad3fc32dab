import { useState } from 'preact/hooks';
import { pinWindow, revealNewer, revealOlder, windowRange, type ListWindow } from './list-window';

const FOLLOW: ListWindow = { fromKey: null, toKey: null };

type Keyed = readonly { key: string }[];

/**
 * Which of `items` the message list renders (list-window.ts): the newest at first, a page further
 * back or forward as the visitor scrolls, fixed on what is shown while the visitor is scrolled up.
 * `older()` and `newer()` move it a page and say whether they did.
 */
export function useListWindow(items: Keyed) {
  const [win, setWin] = useState(FOLLOW);
  const { start, end } = windowRange(win, items);
  const move = (next: ListWindow | null) => !!next && (setWin(next), true);
  const following = win.toKey === null;
  return {
    start,
    end,
    /** The window ends at the newest event and moves on with arrivals. */
    following,
    older: () => move(revealOlder(win, items)),
    newer: () => move(revealNewer(win, items)),
    /** Fixes the window on what is shown, so arrivals neither move nor grow it. */
    pin: () => setWin(pinWindow(win, items)),
    /** Follows arrivals again; `fromNewest` starts anew at the newest events (a jump from far up). */
    follow(fromNewest: boolean): void {
      if (!following) setWin(fromNewest ? FOLLOW : { fromKey: win.fromKey, toKey: null });
    },
  };
}
