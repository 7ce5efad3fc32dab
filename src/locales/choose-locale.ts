// Which built-in language the widget speaks. Pure, so the eager script can run it at once and
// fetch the chosen locale's chunk in parallel with the chat.
import { locales, type Locale } from './locales';

// Tags that name a shipped language by another code: Hebrew's code before 1989.
const ALIASES: Record<string, Locale> = { iw: 'he' };

// The shipped locale for one language tag by its primary subtag, case-insensitively (`pt-BR` → `pt`),
// or undefined. Chinese in any script or region (`zh-Hant`, `zh-TW`) gets `zh`, written in Simplified
// characters: readable where Traditional is used, and better than English until a Traditional locale
// ships. Norwegian (`nb`, `no`, `nn`) and other unshipped languages get undefined.
function matchLocale(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0]!;
  return ALIASES[language] ?? locales.find((l) => l == language);
}

/**
 * The locale the widget speaks: the `locale` option, else the host page's `<html lang>`, else the
 * first of the browser's `navigator.languages` that is shipped, else English. The first of the
 * option and the page's language that is set decides, even when it is not shipped (a Finnish page
 * gets English, not the visitor's browser language: the page and the widget read alike, and a
 * page that translates the widget itself with `strings` gets English underneath). Empty and `und`
 * (undetermined) tags count as not set.
 *
 * @example
 * chooseLocale(undefined, 'de-AT', ['en-US']); // 'de'
 * chooseLocale(undefined, '', ['fi', 'sv-FI']); // 'sv'
 * chooseLocale('fi', 'de', []); // 'en'
 */
export function chooseLocale(option: string | undefined, page: string | null | undefined, browser: readonly string[]): Locale {
  const stated = [option, page].find((tag) => tag && tag.trim() && !/^und\b/i.test(tag.trim()));
  const tags = stated ? [stated] : browser;
  for (const tag of tags) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
