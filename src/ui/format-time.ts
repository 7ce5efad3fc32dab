import { defaultStrings } from './later-strings';
import type { Strings } from './strings';

/** The keys of the strings that say how times and days are written. */
export type DateStrings = Pick<
  Strings,
  'today' | 'yesterday' | 'timeFormat' | 'dayFormat' | 'dayYearFormat' | 'weekdaysShort' | 'monthsShort' | 'dayPeriods' | 'digits'
>;

// Why not `Intl.DateTimeFormat`: the first Intl formatter of a browser process builds V8's and ICU's
// locale tables, 100–250 ms at 4× CPU slowdown in one task that cannot be split, in the render of
// the first history. The UI's strings say how its language writes times and days, in the CLDR
// pattern letters below, so the widget formats them itself in microseconds, in any language.
const FIELDS = /'((?:[^']|'')*)'|EEE|MMM|MM?|dd?|y+|hh?|HH?|mm|a/g;

// The nth item of a comma-separated list of names, or the English one if the list is too short.
const nth = (t: DateStrings, key: 'weekdaysShort' | 'monthsShort' | 'dayPeriods', n: number) =>
  t[key].split(',')[n] ?? defaultStrings[key].split(',')[n];

/**
 * Writes a local time by a CLDR-style pattern: `EEE` weekday and `MMM` month from the strings'
 * lists, `M`/`MM` month, `d`/`dd` day, `y` (or `yyyy`) year, `h`/`hh` hour 1–12, `H`/`HH` hour 0–23, `mm`
 * minutes, `a` the day period; text in single quotes as it is (`''` is a quote). Digits are the
 * strings' `digits`. Dates are Gregorian, the default calendar of most languages (not of fa or th).
 */
export function formatDate(ms: number, pattern: string, t: DateStrings): string {
  const date = new Date(ms);
  const hour = date.getHours();
  const month = date.getMonth();
  const number = (n: number, width = 1) => String(n).padStart(width, '0').replace(/\d/g, (d) => t.digits[+d] ?? d);
  return pattern.replace(FIELDS, (field, quoted?: string) => {
    if (quoted !== undefined) return quoted.replaceAll("''", "'") || "'";
    if (field == 'EEE') return nth(t, 'weekdaysShort', date.getDay())!;
    if (field == 'MMM') return nth(t, 'monthsShort', month)!;
    if (field == 'a') return nth(t, 'dayPeriods', +(hour >= 12))!;
    const letter = field[0]!;
    const value = {
      M: month + 1,
      d: date.getDate(),
      y: date.getFullYear(),
      h: hour % 12 || 12,
      H: hour,
      m: date.getMinutes(),
    }[letter]!;
    return number(value, field.length);
  });
}

/** A time of day, as the strings' `timeFormat` writes it. */
export const clock = (ms: number, t: DateStrings): string => formatDate(ms, t.timeFormat, t);

/** Local midnight of `ms`, so two times compare by calendar day. */
export const dayStart = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);

/** A day heading: "Today", "Yesterday", else a short date (with the year when it is not this year). */
export function dayLabel(ms: number, now: number, t: DateStrings): string {
  const days = Math.round((dayStart(now) - dayStart(ms)) / 864e5);
  if (days === 0) return t.today;
  if (days === 1) return t.yesterday;
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return formatDate(ms, sameYear ? t.dayFormat : t.dayYearFormat, t);
}
