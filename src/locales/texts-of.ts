import { defaultStrings, type Strings } from '../ui/strings';

/**
 * A dictionary's texts in the order of English's keys, without the keys: what a locale's chunk holds
 * (the keys were a third of its gzip bytes). {@link pairTexts} pairs them with the keys again.
 *
 * @example
 * textsOf(defaultStrings)[1]; // 'Open chat'
 */
export const textsOf = (strings: Strings): string[] => Object.keys(defaultStrings).map((key) => strings[key as keyof Strings]);

/**
 * The dictionary of a locale chunk's texts: each text under its English key. A chunk of another
 * build, with fewer texts, leaves the keys it lacks to English.
 *
 * @example
 * pairTexts(textsOf(de)).send; // 'Senden'
 */
export const pairTexts = (texts: readonly string[]): Partial<Strings> =>
  Object.fromEntries(Object.keys(defaultStrings).flatMap((key, i) => (typeof texts[i] == 'string' ? [[key, texts[i]]] : [])));
