// Which shipped locale a language tag names, by its primary language subtag. A regular expression
// rather than a lookup in `locales`: the eager script runs it too, and every byte of it counts there.
import type { Locale } from './locales';

/**
 * The shipped locale of `tag`'s primary language subtag, case-insensitively (`pt-BR`, `PT_pt` →
 * `pt`), or undefined. Chinese in any script or region (`zh-Hant`, `zh-TW`) gets `zh`, written in
 * Simplified characters: readable where Traditional is used, and better than English until a
 * Traditional locale ships.
 *
 * @example
 * shippedLocale('pt-BR'); // 'pt'
 * shippedLocale('fi'); // undefined
 */
export const shippedLocale = (tag: unknown): Locale | undefined =>
  /^(en|de|fr|es|it|pt|nl|pl|sv|tr|ru|uk|ja|zh|ko|ar|he)(?![a-z])/i.exec(tag as string)?.[1]!.toLowerCase() as Locale | undefined;
