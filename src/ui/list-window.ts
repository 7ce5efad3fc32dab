// Which events the message list renders: a window over the timeline, named by the keys of its first
// and last event so it stays put when older history is prepended or newer events arrive.

/**
 * Events brought in per move of the window. Small, because each move renders and lays out that many
 * events in one task: 10 cost 90–190 ms at 4× CPU slowdown with the layout and paint around them.
 */
export const PAGE = 5;
/** Most events rendered at once. */
export const WINDOW = 6 * PAGE;
/** Events shown at least while following the newest: the newest NEWEST to 2·NEWEST−1, as before pages got smaller. */
export const NEWEST = 2 * PAGE;

/**
 * The window: `fromKey` is its first event (null: NEWEST to 2·NEWEST−1 before its end, on a NEWEST
 * boundary), `toKey` its last (null: the newest, following arrivals).
 */
export interface ListWindow {
  fromKey: string | null;
  toKey: string | null;
}

type Keyed = readonly { key: string }[];

// Each move of the window looks its keys up several times; in a 10,000-event timeline a linear search
// each time cost ~10 ms per move at 4× CPU slowdown. So each timeline array gets a key → index map once
// (timelines are rebuilt, not mutated, when events change; a length or index that no longer matches
// rebuilds it anyway).
const indexes = new WeakMap<Keyed, { length: number; at: Map<string, number> }>();

function indexOf(items: Keyed, key: string | null): number {
  if (key === null) return -1;
  const known = indexes.get(items);
  if (known?.length === items.length) {
    const found = known.at.get(key);
    if (found === undefined) return -1;
    if (items[found]?.key === key) return found;
  }
  const index = { length: items.length, at: new Map<string, number>() };
  // The first of duplicate keys wins, as a search from the start would find it.
  for (let i = items.length - 1; i >= 0; i--) index.at.set(items[i]!.key, i);
  indexes.set(items, index);
  return index.at.get(key) ?? -1;
}

/**
 * The indexes `[start, end)` of `items` the window shows. Starts that are not an event of the window's
 * own sit on NEWEST boundaries, and an overlong window loses whole pages at the top, so arrivals at the
 * bottom move the start once per NEWEST (or PAGE) events: moving it drops the first row's DOM and builds it anew.
 * A key that is gone (a local send the server confirmed under its own id) counts as null.
 */
export function windowRange(win: ListWindow, items: Keyed): { start: number; end: number } {
  const to = indexOf(items, win.toKey);
  const end = to < 0 ? items.length : to + 1;
  const from = indexOf(items, win.fromKey);
  let start = from >= 0 && from < end ? from : Math.max(0, end - NEWEST - ((end - NEWEST) % NEWEST));
  if (end - start > WINDOW) start = Math.ceil((end - WINDOW) / PAGE) * PAGE;
  return { start, end };
}

/**
 * The window PAGE events further back, dropping at the bottom what goes past WINDOW; null when it
 * already starts at the oldest event held.
 */
export function revealOlder(win: ListWindow, items: Keyed): ListWindow | null {
  const range = windowRange(win, items);
  if (range.start === 0) return null;
  const start = Math.max(0, range.start - PAGE);
  const end = Math.min(range.end, start + WINDOW);
  return { fromKey: items[start]!.key, toKey: end === range.end ? win.toKey : items[end - 1]!.key };
}

/**
 * The window PAGE events further forward (following arrivals again once it reaches the newest),
 * dropping at the top what goes past WINDOW; null when it already ends at the newest.
 */
export function revealNewer(win: ListWindow, items: Keyed): ListWindow | null {
  const range = windowRange(win, items);
  if (range.end >= items.length) return null;
  const end = Math.min(items.length, range.end + PAGE);
  const start = Math.max(range.start, end - WINDOW);
  return { fromKey: items[start]!.key, toKey: end === items.length ? null : items[end - 1]!.key };
}

/** The window fixed on what it shows now, so arrivals neither move nor grow it. */
export function pinWindow(win: ListWindow, items: Keyed): ListWindow {
  const { start, end } = windowRange(win, items);
  return end > start ? { fromKey: items[start]!.key, toKey: items[end - 1]!.key } : win;
}
