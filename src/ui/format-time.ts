/** The formats the list uses, so `warmFormats` can prepare the same ones off the main thread. */
export const FORMATS: Intl.DateTimeFormatOptions[] = [
  { hour: 'numeric', minute: '2-digit' },
  { weekday: 'short', month: 'short', day: 'numeric' },
  { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' },
];

// Made on first use: the first Intl formatter in a page costs ~40 ms of CPU (ICU's locale data), a
// long task at 4× slowdown, and a chat without messages (the prechat form) never needs it. That
// cost is paid once per browser process, so `warmFormats` pays it in a worker where it can.
let clockFormat: Intl.DateTimeFormat | undefined;
// Formatting is slow next to a map lookup (~0.1 ms at 4× slowdown) and every group of the message
// list shows a time, so each minute is formatted once; the map is emptied when it gets large.
const clockTexts = new Map<number, string>();
const KEPT = 1000;

/** A time of day in the visitor's locale. */
export function clock(ms: number): string {
  // Time zones are whole minutes apart from UTC, so one minute of ms is one minute on the clock.
  const minute = Math.floor(ms / 60_000);
  let text = clockTexts.get(minute);
  if (text === undefined) {
    text = (clockFormat ??= new Intl.DateTimeFormat(undefined, FORMATS[0])).format(ms);
    if (clockTexts.size >= KEPT) clockTexts.clear();
    clockTexts.set(minute, text);
  }
  return text;
}

/** Local midnight of `ms`, so two times compare by calendar day. */
export const dayStart = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);

let dateFormat: Intl.DateTimeFormat | undefined;
let yearDateFormat: Intl.DateTimeFormat | undefined;

/** A day heading: "Today", "Yesterday", else a short date (with the year when it is not this year). */
export function dayLabel(ms: number, now: number, words: { today: string; yesterday: string }): string {
  const days = Math.round((dayStart(now) - dayStart(ms)) / 864e5);
  if (days === 0) return words.today;
  if (days === 1) return words.yesterday;
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  // Making the formatter cost more than formatting: the list labels its days on every move of its window.
  const format = sameYear
    ? (dateFormat ??= new Intl.DateTimeFormat(undefined, FORMATS[1]))
    : (yearDateFormat ??= new Intl.DateTimeFormat(undefined, FORMATS[2]));
  return format.format(ms);
}
