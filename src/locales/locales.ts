/**
 * The languages Chatlet ships, by their BCP 47 primary language subtag. English is the widget's own
 * `defaultStrings` (src/ui/later-strings.ts: the first open's texts and the later parts'); each other one is a module of this folder, loaded as a chunk
 * of its own when chosen. `zh` is written in Simplified characters.
 *
 * @example
 * locales.includes('de'); // true
 */
export const locales = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'tr', 'ru', 'uk', 'ja', 'zh', 'ko', 'ar', 'he'] as const;

/**
 * One of the shipped {@link locales}.
 *
 * @example
 * const locale: Locale = 'pt';
 */
export type Locale = (typeof locales)[number];
