// Which built-in language the widget speaks.
import type { Locale } from './locales';
import { shippedLocale } from './shipped-locale';

/**
 * The locale the widget speaks: the `locale` option, else the host page's `<html lang>`, else the
 * first of the browser's `navigator.languages` that is shipped, else English. A tag counts by its
 * primary language subtag (see {@link shippedLocale}); `iw`, Hebrew's code before 1989, is Hebrew. The
 * first of the option and the page's language that is set decides, even when it is not shipped (a
 * Finnish page gets English, not the visitor's browser language: the page and the widget read alike,
 * and a page that translates the widget itself with `strings` gets English underneath). Empty and
 * `und` (undetermined) tags count as not set.
 *
 * @example
 * chooseLocale(undefined, 'de-AT', ['en-US']); // 'de'
 * chooseLocale(undefined, '', ['fi', 'sv-FI']); // 'sv'
 * chooseLocale('fi', 'de', []); // 'en'
 */
export function chooseLocale(option: unknown, page: string | null | undefined, browser: readonly string[]): Locale {
  const stated = [option, page].find((tag) => /^\s*(?!und\b)\S/i.test(tag as string) && tag);
  for (const tag of stated ? [stated] : browser) {
    const locale = shippedLocale(String(tag).trim().replace(/^iw(?![a-z])/i, 'he'));
    if (locale) return locale;
  }
  return 'en';
}
