// Derives the date strings of `src/ui/strings.ts` (`timeFormat`, `weekdaysShort`, …) for a locale from
// Node's ICU, to check that the widget's own formatter writes what `Intl.DateTimeFormat` writes
// when given that locale's data. Usable to make a locale's strings: print `cldrDateStrings('de')`.
import type { DateStrings } from '../../../src/ui/format-time';

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const DAY_YEAR: Intl.DateTimeFormatOptions = { ...DAY, year: 'numeric' };
export const FORMATS = { timeFormat: TIME, dayFormat: DAY, dayYearFormat: DAY_YEAR };

// Single digits everywhere they may be padded: 9 January 2024, 09:05, a Tuesday.
const REFERENCE = new Date(2024, 0, 9, 9, 5);

/** The CLDR pattern `Intl` uses for `options` in `locale`, in the letters `formatDate` knows. */
function patternOf(locale: string, options: Intl.DateTimeFormatOptions): string {
  const format = new Intl.DateTimeFormat(locale, options);
  const { hourCycle } = format.resolvedOptions();
  const zero = format.formatToParts(0).find((p) => p.type == 'minute')?.value[0] ?? '0';
  // A part padded to two digits reads as "0" + digit in the locale's digits.
  const padded = (value: string) => value.length == 2 && value[0] == zero;
  return format
    .formatToParts(REFERENCE)
    .map(({ type, value }) => {
      if (type == 'weekday') return 'EEE';
      if (type == 'month') return /^\p{Nd}+$/u.test(value) ? (padded(value) ? 'MM' : 'M') : 'MMM';
      if (type == 'day') return padded(value) ? 'dd' : 'd';
      if (type == 'year') return 'y';
      if (type == 'hour') return (hourCycle == 'h23' || hourCycle == 'h24' ? 'H' : 'h').repeat(padded(value) ? 2 : 1);
      if (type == 'minute') return 'mm';
      if (type == 'dayPeriod') return 'a';
      // V8's format() writes U+202F (a narrow no-break space) as a plain space, formatToParts() does not.
      if (type == 'literal') return `'${value.replaceAll("'", "''").replaceAll('\u202f', ' ')}'`;
      throw new Error(`${locale}: no letter for the ${type} part`);
    })
    .join('');
}

/** The names a part takes in `options`' pattern, for each date. */
const namesOf = (locale: string, options: Intl.DateTimeFormatOptions, type: string, dates: Date[]) =>
  dates.map((d) => new Intl.DateTimeFormat(locale, options).formatToParts(d).find((p) => p.type == type)!.value).join(',');

/**
 * The date strings for `locale`, from Node's ICU.
 *
 * @example
 * cldrDateStrings('de').timeFormat; // "H':'mm"
 */
export function cldrDateStrings(locale: string): Omit<DateStrings, 'today' | 'yesterday'> {
  const digits = new Intl.NumberFormat(locale, { useGrouping: false }).format(1234567890);
  return {
    timeFormat: patternOf(locale, TIME),
    dayFormat: patternOf(locale, DAY),
    dayYearFormat: patternOf(locale, DAY_YEAR),
    weekdaysShort: namesOf(locale, DAY, 'weekday', [7, 8, 9, 10, 11, 12, 13].map((d) => new Date(2024, 0, d))),
    monthsShort: namesOf(locale, DAY, 'month', [...Array(12).keys()].map((m) => new Date(2024, m, 9))),
    dayPeriods: namesOf(locale, { ...TIME, hour12: true }, 'dayPeriod', [new Date(2024, 0, 9, 9), new Date(2024, 0, 9, 15)]),
    digits: digits.slice(-1) + digits.slice(0, 9),
  };
}
