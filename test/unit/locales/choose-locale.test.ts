import { describe, expect, it } from 'vitest';
import { chooseLocale } from '../../../src/locales/choose-locale';
import { locales } from '../../../src/locales/locales';
import { shippedLocale } from '../../../src/locales/shipped-locale';
import { textDirection } from '../../../src/locales/text-direction';

describe('chooseLocale', () => {
  it('takes the option first, then the page’s language, then the browser’s', () => {
    expect(chooseLocale('fr', 'de', ['es'])).toBe('fr');
    expect(chooseLocale(undefined, 'de', ['es'])).toBe('de');
    expect(chooseLocale(undefined, undefined, ['es'])).toBe('es');
    expect(chooseLocale(undefined, null, [])).toBe('en');
  });

  it('falls back from a region or script to its language, case-insensitively, then to English', () => {
    expect(chooseLocale('pt-BR', null, [])).toBe('pt');
    expect(chooseLocale('PT_pt', null, [])).toBe('pt');
    expect(chooseLocale(undefined, 'sr-Latn-RS', [])).toBe('en');
    expect(chooseLocale(undefined, 'EN-gb', ['de'])).toBe('en');
  });

  it('lets the stated language decide even when it is not shipped', () => {
    // A Finnish page gets English, not the German of the visitor's browser.
    expect(chooseLocale(undefined, 'fi', ['de-DE'])).toBe('en');
    expect(chooseLocale('nb', 'de', ['de'])).toBe('en');
  });

  it('treats an empty or undetermined page language as not set', () => {
    expect(chooseLocale(undefined, '', ['it-IT'])).toBe('it');
    expect(chooseLocale(undefined, '  ', ['it-IT'])).toBe('it');
    expect(chooseLocale(undefined, 'und', ['it-IT'])).toBe('it');
    expect(chooseLocale('', null, ['it'])).toBe('it');
  });

  it('takes the first of the browser’s languages that is shipped', () => {
    expect(chooseLocale(undefined, null, ['fi-FI', 'nb', 'sv-FI', 'de'])).toBe('sv');
    expect(chooseLocale(undefined, null, ['fi', 'no'])).toBe('en');
  });

  it('gives Chinese of any script or region the Simplified locale, and Hebrew’s old code Hebrew', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK']) expect(chooseLocale(tag, null, [])).toBe('zh');
    expect(chooseLocale(undefined, 'iw', [])).toBe('he');
    expect(chooseLocale(undefined, 'iw-IL', [])).toBe('he');
  });

  it('knows every shipped locale by its own code', () => {
    for (const locale of locales) expect(chooseLocale(locale, null, [])).toBe(locale);
  });
});

describe('shippedLocale', () => {
  it('knows exactly the shipped locales, by a tag’s primary language subtag', () => {
    for (const locale of locales) expect(shippedLocale(`${locale.toUpperCase()}-XX`)).toBe(locale);
    for (const tag of ['fi', 'kok', 'arz', 'english', 'und', '', ' de', undefined, 12]) expect(shippedLocale(tag), String(tag)).toBeUndefined();
  });

  it('is the eager script’s guess: the same as chooseLocale for one tag it knows', () => {
    for (const tag of ['de', 'pt-BR', 'zh_TW', 'EN-us', 'ar']) expect(shippedLocale(tag)).toBe(chooseLocale(tag, null, []));
  });
});

describe('textDirection', () => {
  it('is right to left for Arabic and Hebrew only', () => {
    expect(locales.filter((l) => textDirection(l) == 'rtl')).toEqual(['ar', 'he']);
  });
});
