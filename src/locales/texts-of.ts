import { defaultStrings } from '../ui/later-strings';
import type { Strings } from '../ui/strings';

/**
 * A dictionary's texts in the order of English's keys, without the keys: what a locale's chunk holds
 * (the keys were a third of its gzip bytes). `dictionary` (ui/strings.ts) pairs them with the keys
 * again: the first open's texts at once, the later ones as the parts that show them load.
 *
 * @example
 * textsOf(defaultStrings)[1]; // 'Open chat'
 */
export const textsOf = (strings: Strings): string[] => Object.keys(defaultStrings).map((key) => strings[key as keyof Strings]);
