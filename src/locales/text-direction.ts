import type { Locale } from './locales';

/**
 * The direction a locale is written in: right to left for Arabic and Hebrew.
 *
 * @example
 * textDirection('ar'); // 'rtl'
 */
export const textDirection = (locale: Locale): 'rtl' | 'ltr' => (locale == 'ar' || locale == 'he' ? 'rtl' : 'ltr');
