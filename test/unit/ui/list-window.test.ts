import { describe, expect, it } from 'vitest';
import { NEWEST, PAGE, WINDOW, pinWindow, revealNewer, revealOlder, windowRange, type ListWindow } from '../../../src/ui/list-window';

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `e${from + i}` }));
const FOLLOW: ListWindow = { fromKey: null, toKey: null };
const P = PAGE;

describe('windowRange', () => {
  it('shows the newest NEWEST to 2·NEWEST−1 events from a NEWEST boundary while following', () => {
    const N = NEWEST;
    expect(WINDOW % P).toBe(0);
    expect(windowRange(FOLLOW, keys(0))).toEqual({ start: 0, end: 0 });
    expect(windowRange(FOLLOW, keys(N - 1))).toEqual({ start: 0, end: N - 1 });
    expect(windowRange(FOLLOW, keys(4 * N))).toEqual({ start: 3 * N, end: 4 * N });
    expect(windowRange(FOLLOW, keys(5 * N - 1))).toEqual({ start: 3 * N, end: 5 * N - 1 });
    expect(windowRange(FOLLOW, keys(5 * N))).toEqual({ start: 4 * N, end: 5 * N });
  });

  it('keeps its first event while arrivals grow it, then drops whole pages at the top past WINDOW', () => {
    const win = { fromKey: `e${4 * P + 3}`, toKey: null };
    const full = 4 * P + WINDOW;
    expect(windowRange(win, keys(7 * P))).toEqual({ start: 4 * P + 3, end: 7 * P });
    expect(windowRange(win, keys(full + 3))).toEqual({ start: 4 * P + 3, end: full + 3 });
    expect(windowRange(win, keys(full + 4))).toEqual({ start: 5 * P, end: full + 4 });
    expect(windowRange(win, keys(full + P))).toEqual({ start: 5 * P, end: full + P });
    expect(windowRange(win, keys(full + P + 1))).toEqual({ start: 6 * P, end: full + P + 1 });
  });

  it('stays on its events when older ones are prepended, and treats a key that is gone as null', () => {
    const win = { fromKey: `e${P}`, toKey: `e${3 * P - 1}` };
    expect(windowRange(win, keys(10 * P))).toEqual({ start: P, end: 3 * P });
    expect(windowRange(win, [...keys(30, -30), ...keys(10 * P)])).toEqual({ start: P + 30, end: 3 * P + 30 });
    expect(windowRange({ fromKey: 'gone', toKey: 'gone' }, keys(100))).toEqual(windowRange(FOLLOW, keys(100)));
  });
});

describe('revealOlder and revealNewer', () => {
  it('widen by PAGE up to WINDOW, then move, and answer null at either end', () => {
    const items = keys(2 * WINDOW + P);
    let win: ListWindow = pinWindow(FOLLOW, items);
    const sizes: number[] = [];
    for (let older = revealOlder(win, items); older; older = revealOlder(win, items)) {
      win = older;
      const { start, end } = windowRange(win, items);
      sizes.push(end - start);
    }
    expect(windowRange(win, items)).toEqual({ start: 0, end: WINDOW });
    expect(Math.max(...sizes)).toBe(WINDOW);
    const pinned = windowRange(pinWindow(FOLLOW, items), items);
    const widening = (WINDOW - (pinned.end - pinned.start)) / P;
    expect(sizes.slice(0, widening)).toEqual(Array.from({ length: widening }, (_, i) => pinned.end - pinned.start + (i + 1) * P));
    for (let newer = revealNewer(win, items); newer; newer = revealNewer(win, items)) {
      win = newer;
      const { start, end } = windowRange(win, items);
      expect(end - start).toBe(WINDOW);
    }
    expect(win.toKey).toBeNull();
    expect(windowRange(win, items)).toEqual({ start: WINDOW + P, end: 2 * WINDOW + P });
  });

  it('pins the window to what it shows', () => {
    const items = keys(5 * NEWEST);
    const pinned = pinWindow(FOLLOW, items);
    expect(pinned).toEqual({ fromKey: `e${4 * NEWEST}`, toKey: `e${5 * NEWEST - 1}` });
    expect(windowRange(pinned, keys(6 * NEWEST))).toEqual({ start: 4 * NEWEST, end: 5 * NEWEST });
    expect(pinWindow(FOLLOW, [])).toEqual(FOLLOW);
  });
});

describe('key lookups', () => {
  it('find the window in an array changed in place since it was last searched', () => {
    const items = keys(5 * P);
    const win = { fromKey: `e${P}`, toKey: `e${2 * P}` };
    expect(windowRange(win, items)).toEqual({ start: P, end: 2 * P + 1 });
    items.unshift({ key: 'older' });
    expect(windowRange(win, items)).toEqual({ start: P + 1, end: 2 * P + 2 });
    items[P + 1] = { key: 'replaced' };
    expect(windowRange(win, items)).toEqual(windowRange({ fromKey: null, toKey: `e${2 * P}` }, items));
    expect(windowRange({ fromKey: 'gone', toKey: `e${2 * P}` }, items).end).toBe(2 * P + 2);
  });

  it('take the first of duplicate keys', () => {
    const items = [...keys(P), ...keys(P)];
    expect(windowRange({ fromKey: 'e1', toKey: 'e3' }, items)).toEqual({ start: 1, end: 4 });
  });
});
