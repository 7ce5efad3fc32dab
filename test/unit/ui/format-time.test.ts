import { describe, expect, it } from 'vitest';
import { clock, dayLabel, formatDate } from '../../../src/ui/format-time';
import { defaultStrings } from '../../../src/ui/later-strings';
import { cldrDateStrings, FORMATS } from './cldr-date-strings';

const t = defaultStrings;

describe('dayLabel', () => {
  it('names today and yesterday and dates older days, with the year when it is not this one', () => {
    const now = new Date(2024, 4, 14, 10).getTime();
    expect(dayLabel(new Date(2024, 4, 14, 0, 5).getTime(), now, t)).toBe('Today');
    expect(dayLabel(new Date(2024, 4, 13, 23, 59).getTime(), now, t)).toBe('Yesterday');
    expect(dayLabel(new Date(2024, 4, 2).getTime(), now, t)).toBe('Thu, May 2');
    expect(dayLabel(new Date(2023, 11, 31).getTime(), now, t)).toBe('Sun, Dec 31, 2023');
  });

  it('writes what the strings say', () => {
    const german = { ...t, ...cldrDateStrings('de'), today: 'Heute' };
    const now = new Date(2024, 4, 14, 10).getTime();
    expect(dayLabel(now, now, german)).toBe('Heute');
    expect(dayLabel(new Date(2024, 2, 5).getTime(), now, german)).toBe('Di., 5. März');
  });
});

describe('clock', () => {
  it('writes English times as Intl does for en-US, every minute of a day', () => {
    const format = new Intl.DateTimeFormat('en-US', FORMATS.timeFormat);
    const start = new Date(2024, 2, 30, 0, 0).getTime();
    for (let i = 0; i < 24 * 60; i++) {
      const ms = start + i * 60_000 + ((i * 7919) % 60_000);
      expect(clock(ms, t)).toBe(format.format(ms));
    }
  });

  it('takes a 24-hour clock from the strings', () => {
    expect(clock(new Date(2024, 0, 1, 7, 3).getTime(), { ...t, timeFormat: 'HH:mm' })).toBe('07:03');
  });
});

describe('formatDate', () => {
  // The languages the widget is to ship (DESIGN §2, `locale`), and a few with other hour cycles, digits and orders.
  // (Not those whose default calendar is not the Gregorian one, such as fa or th: see formatDate.)
  const locales = ['en', 'en-GB', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'tr', 'ru', 'uk', 'ja', 'zh', 'zh-TW', 'ko', 'ar', 'ar-EG', 'he', 'hi'];
  const dates = [...Array(40).keys()].map((i) => new Date(2024 + (i % 3), (i * 5) % 12, 1 + ((i * 11) % 28), (i * 7) % 24, (i * 13) % 60));

  it.each(locales)('writes what Intl writes in %s, given that locale’s strings', (locale) => {
    const strings = { ...t, ...cldrDateStrings(locale) };
    for (const [key, options] of Object.entries(FORMATS)) {
      const format = new Intl.DateTimeFormat(locale, options);
      for (const d of dates) expect(formatDate(d.getTime(), strings[key as keyof typeof FORMATS], strings)).toBe(format.format(d));
    }
  });

  it('keeps quoted text as it is and a doubled quote as a quote', () => {
    const ms = new Date(2024, 0, 9, 15, 5).getTime();
    expect(formatDate(ms, "d 'de' MMM 'o''clock' hh a", t)).toBe("9 de Jan o'clock 03 PM");
  });

  it('pads what is doubled and writes the year however many y there are', () => {
    const ms = new Date(2024, 0, 9, 7, 5).getTime();
    expect(formatDate(ms, 'dd.MM.yyyy HH:mm', t)).toBe('09.01.2024 07:05');
    expect(formatDate(ms, 'd/M/y H:mm', t)).toBe('9/1/2024 7:05');
  });

  it('falls back to the English names and digits where a list is too short', () => {
    const ms = new Date(2024, 11, 9, 15, 5).getTime();
    expect(formatDate(ms, 'EEE MMM d a', { ...t, weekdaysShort: 'So', monthsShort: '', dayPeriods: 'x', digits: '٠١' })).toBe('Mon Dec 9 PM');
    expect(formatDate(ms, 'd', { ...t, digits: '٠١٢٣٤٥٦٧٨٩' })).toBe('٩');
  });
});
