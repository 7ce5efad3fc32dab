// Which events the message list renders: a window over the timeline, named by the keys of its first
// and last event so it stays put when older history is prepended or newer events arrive.

/** Events brought in per scroll to an edge. */
export const PAGE = 10;
/** Most events rendered at once. */
export const WINDOW = 3 * PAGE;

/**
 * The window: `fromKey` is its first event (null: PAGE to 2·PAGE−1 before its end, on a PAGE
 * boundary), `toKey` its last (null: the newest, following arrivals).
 *
 * @example
 * const follow: ListWindow = { fromKey: null, toKey: null };
 */
export interface ListWindow {
  fromKey: string | null;
  toKey: string | null;
}

type Keyed = readonly { key: string }[];

const indexOf = (items: Keyed, key: string | null) => (key === null ? -1 : items.findIndex((i) => i.key === key));

/**
 * The indexes `[start, end)` of `items` the window shows. Starts that are not an event of the window's
 * own sit on PAGE boundaries, and an overlong window loses whole pages at the top, so arrivals at the
 * bottom move the start once per PAGE events: moving it drops the first row's DOM and builds it anew.
 * A key that is gone (a local send the server confirmed under its own id) counts as null.
 *
 * @example
 * const { start, end } = windowRange({ fromKey: null, toKey: null }, timeline); // the newest PAGE to 2·PAGE−1
 */
export function windowRange(win: ListWindow, items: Keyed): { start: number; end: number } {
  const to = indexOf(items, win.toKey);
  const end = to < 0 ? items.length : to + 1;
  const from = indexOf(items, win.fromKey);
  let start = from >= 0 && from < end ? from : Math.max(0, end - PAGE - ((end - PAGE) % PAGE));
  if (end - start > WINDOW) start = Math.ceil((end - WINDOW) / PAGE) * PAGE;
  return { start, end };
}

/**
 * The window PAGE events further back, dropping at the bottom what goes past WINDOW; null when it
 * already starts at the oldest event held.
 *
 * @example
 * const older = revealOlder(win, items); // then load from the server when null
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
 *
 * @example
 * const newer = revealNewer(win, items);
 */
export function revealNewer(win: ListWindow, items: Keyed): ListWindow | null {
  const range = windowRange(win, items);
  if (range.end >= items.length) return null;
  const end = Math.min(items.length, range.end + PAGE);
  const start = Math.max(range.start, end - WINDOW);
  return { fromKey: items[start]!.key, toKey: end === items.length ? null : items[end - 1]!.key };
}

/**
 * The window fixed on what it shows now, so arrivals neither move nor grow it.
 *
 * @example
 * if (leftTheBottom) setWin(pinWindow(win, items));
 */
export function pinWindow(win: ListWindow, items: Keyed): ListWindow {
  const { start, end } = windowRange(win, items);
  return end > start ? { fromKey: items[start]!.key, toKey: items[end - 1]!.key } : win;
}
