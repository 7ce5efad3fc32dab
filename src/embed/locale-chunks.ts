// The npm entry's built-in locales, each a chunk of its own: build.mjs points `../locales/de` at
// `./chatlet-locale-de.mjs`, and an app's bundler splits each one out, so only the chosen one loads.
// One plain `import()` per locale, which every bundler understands (a template would need each
// bundler's own support for variable imports).
import type { Locale } from '../locales/locales';
import type { LocaleModule } from './app-types';

/** A loader per built-in locale but English (which the app bundles). */
export const localeChunks: Record<Exclude<Locale, 'en'>, () => Promise<LocaleModule>> = {
  de: () => import('../locales/de'),
  fr: () => import('../locales/fr'),
  es: () => import('../locales/es'),
  it: () => import('../locales/it'),
  pt: () => import('../locales/pt'),
  nl: () => import('../locales/nl'),
  pl: () => import('../locales/pl'),
  sv: () => import('../locales/sv'),
  tr: () => import('../locales/tr'),
  ru: () => import('../locales/ru'),
  uk: () => import('../locales/uk'),
  ja: () => import('../locales/ja'),
  zh: () => import('../locales/zh'),
  ko: () => import('../locales/ko'),
  ar: () => import('../locales/ar'),
  he: () => import('../locales/he'),
};
