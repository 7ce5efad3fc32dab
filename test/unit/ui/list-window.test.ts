import { describe, expect, it } from 'vitest';
import { PAGE, WINDOW, pinWindow, revealNewer, revealOlder, windowRange, type ListWindow } from '../../../src/ui/list-window';

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `e${from + i}` }));
const FOLLOW: ListWindow = { fromKey: null, toKey: null };

describe('windowRange', () => {
  it('shows the newest PAGE to 2·PAGE−1 events from a PAGE boundary while following', () => {
    expect(windowRange(FOLLOW, keys(0))).toEqual({ start: 0, end: 0 });
    expect(windowRange(FOLLOW, keys(10))).toEqual({ start: 0, end: 10 });
    expect(windowRange(FOLLOW, keys(100))).toEqual({ start: 75, end: 100 });
    expect(windowRange(FOLLOW, keys(124))).toEqual({ start: 75, end: 124 });
    expect(windowRange(FOLLOW, keys(125))).toEqual({ start: 100, end: 125 });
  });

  it('keeps its first event while arrivals grow it, then drops whole pages at the top past WINDOW', () => {
    const win = { fromKey: 'e80', toKey: null };
    expect(windowRange(win, keys(150))).toEqual({ start: 80, end: 150 });
    expect(windowRange(win, keys(156))).toEqual({ start: 100, end: 156 });
    expect(windowRange(win, keys(175))).toEqual({ start: 100, end: 175 });
    expect(windowRange(win, keys(176))).toEqual({ start: 125, end: 176 });
  });

  it('stays on its events when older ones are prepended, and treats a key that is gone as null', () => {
    const win = { fromKey: 'e10', toKey: 'e40' };
    expect(windowRange(win, keys(100))).toEqual({ start: 10, end: 41 });
    expect(windowRange(win, [...keys(30, -30), ...keys(100)])).toEqual({ start: 40, end: 71 });
    expect(windowRange({ fromKey: 'gone', toKey: 'gone' }, keys(100))).toEqual(windowRange(FOLLOW, keys(100)));
  });
});

describe('revealOlder and revealNewer', () => {
  it('widen by PAGE up to WINDOW, then move, and answer null at either end', () => {
    const items = keys(200);
    let win: ListWindow = pinWindow(FOLLOW, items);
    const sizes: number[] = [];
    for (let older = revealOlder(win, items); older; older = revealOlder(win, items)) {
      win = older;
      const { start, end } = windowRange(win, items);
      sizes.push(end - start);
    }
    expect(windowRange(win, items)).toEqual({ start: 0, end: WINDOW });
    expect(Math.max(...sizes)).toBe(WINDOW);
    expect(sizes.slice(0, 2)).toEqual([2 * PAGE, WINDOW]);
    for (let newer = revealNewer(win, items); newer; newer = revealNewer(win, items)) {
      win = newer;
      const { start, end } = windowRange(win, items);
      expect(end - start).toBe(WINDOW);
    }
    expect(win.toKey).toBeNull();
    expect(windowRange(win, items)).toEqual({ start: 200 - WINDOW, end: 200 });
  });

  it('pins the window to what it shows', () => {
    const items = keys(100);
    const pinned = pinWindow(FOLLOW, items);
    expect(pinned).toEqual({ fromKey: 'e75', toKey: 'e99' });
    expect(windowRange(pinned, keys(130))).toEqual({ start: 75, end: 100 });
    expect(pinWindow(FOLLOW, [])).toEqual(FOLLOW);
  });
});
