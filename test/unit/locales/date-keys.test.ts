// The date keys of every built-in locale are CLDR's, as Node's ICU has them: so the widget's own
// formatter writes times and days as `Intl.DateTimeFormat` would in that language.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/locales/locales';
import { formatDate } from '../../../src/ui/format-time';
import type { Strings } from '../../../src/ui/strings';
import { cldrDateStrings, FORMATS } from '../ui/cldr-date-strings';
import { loadLocales } from './load-locales';

// Where a locale deliberately differs from this Node's ICU. CLDR 48 (Node 20's ICU 78) abbreviates
// Korean's day periods as Latin "AM"/"PM"; Korean software, and Chromium's own ICU, write 오전/오후.
const DIFFERENT: Partial<Record<Locale, Partial<Strings>>> = { ko: { dayPeriods: '오전,오후' } };

// English's patterns are written without quoting what needs none ("h:mm a" for "h':'mm' 'a").
const unquote = (keys: Record<string, string>) =>
  Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, k.endsWith('Format') ? v.replace(/'([^'a-zA-Z]*)'/g, '$1') : v]));

let dictionaries: [Locale, Strings][];
beforeAll(async () => void (dictionaries = await loadLocales()));

describe('date keys', () => {
  it('are CLDR’s for every locale', () => {
    for (const [code, strings] of dictionaries) {
      const expected = { ...cldrDateStrings(code == 'en' ? 'en-US' : code), ...DIFFERENT[code] };
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, strings[k as keyof Strings]]));
      expect(unquote(actual), code).toEqual(unquote(expected));
    }
  });

  it('write what Intl writes in each language', () => {
    const dates = [...Array(30).keys()].map((i) => new Date(2024 + (i % 3), (i * 5) % 12, 1 + ((i * 11) % 28), (i * 7) % 24, (i * 13) % 60));
    for (const [code, strings] of dictionaries) {
      for (const [key, options] of Object.entries(FORMATS)) {
        const format = new Intl.DateTimeFormat(code == 'en' ? 'en-US' : code, options);
        for (const d of dates) {
          let expected = format.format(d);
          if (code == 'ko') expected = expected.replace(/^AM/, '오전').replace(/^PM/, '오후');
          expect(formatDate(d.getTime(), strings[key as keyof typeof FORMATS], strings), `${code} ${key}`).toBe(expected);
        }
      }
    }
  });
});
