// Every built-in locale: the same keys as English, nothing empty, the same placeholders, and plural
// messages that cover exactly the plural categories of their language.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../../src/locales/locales';
import { defaultStrings } from '../../../src/ui/later-strings';
import { type Strings } from '../../../src/ui/strings';
import { loadLocales } from './load-locales';

let dictionaries: [Locale, Strings][];
beforeAll(async () => void (dictionaries = await loadLocales()));

const keys = Object.keys(defaultStrings).sort();
// `{name}`, or the variable of `{count, plural, …}`.
const variables = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
const plurals = (text: string) => [...text.matchAll(/\{\w+,\s*plural,((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) => m[1]!);

describe('built-in locales', () => {
  it('has one module per shipped locale besides English, and no other', () => {
    const modules = readdirSync('src/locales').filter((f) => /^[a-z]{2}\.ts$/.test(f)).map((f) => f.slice(0, 2));
    expect(modules.sort()).toEqual(locales.filter((l) => l != 'en').sort());
  });

  it.each(locales.filter((l) => l != 'en'))('%s has every key of English and no other', (code) => {
    expect(Object.keys(dictionaries.find(([c]) => c == code)![1]).sort()).toEqual(keys);
  });

  it('has no empty text and no stray whitespace', () => {
    for (const [code, strings] of dictionaries) {
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${code}.${key}`).not.toBe('');
        expect(text, `${code}.${key}`).toBe(text.trim());
      }
    }
  });

  it('keeps the placeholders of English, with balanced braces', () => {
    for (const [code, strings] of dictionaries) {
      for (const [key, text] of Object.entries(strings)) {
        expect(variables(text), `${code}.${key}`).toEqual(variables(defaultStrings[key as keyof Strings]));
        const depth = [...text].reduce((d, c) => (d < 0 ? d : d + (c == '{' ? 1 : c == '}' ? -1 : 0)), 0);
        expect(depth, `${code}.${key}`).toBe(0);
      }
    }
  });

  it('writes each plural message with exactly the categories its language has', () => {
    for (const [code, strings] of dictionaries) {
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories.slice().sort();
      for (const [key, text] of Object.entries(strings)) {
        for (const cases of plurals(text)) {
          const written = [...cases.matchAll(/(=?[\w.]+)\s*\{/g)].map((m) => m[1]!).filter((c) => !c.startsWith('='));
          expect(written.slice().sort(), `${code}.${key}`).toEqual(categories);
        }
      }
    }
  });
});
