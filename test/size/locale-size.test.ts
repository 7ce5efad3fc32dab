// Each built-in locale but English is a chunk of its own (dist/chatlet-locale-<code>.mjs) of at most
// 1.5 KB gzip: its texts in the order of English's keys, which the widget pairs with its own keys. No
// chunk of an English visitor's first open holds any of them. Reads the built files, so run
// `node build.mjs` first (`npm test` does).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/locales/locales';
import { defaultStrings } from '../../src/ui/later-strings';
import { type Strings } from '../../src/ui/strings';
import { loadLocales } from '../unit/locales/load-locales';

const BUDGET = 1536;
const FIRST_OPEN = ['dist/chatlet.js', 'dist/chatlet-embed.mjs', 'dist/chatlet.mjs', 'dist/chatlet-app.mjs'];

let others: [Locale, Strings][];
beforeAll(async () => void (others = (await loadLocales()).filter(([code]) => code != 'en')));

const read = (file: string) => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node build.mjs\` first`);
  return readFileSync(file, 'utf8');
};

describe('locale chunks', () => {
  it(`are each at most ${BUDGET} B gzip, as the size table says`, () => {
    const sizes: Record<string, { file: string; gzip: number }> = JSON.parse(read('dist/sizes.json'));
    for (const [code] of others) {
      const file = `dist/chatlet-locale-${code}.mjs`;
      const gzip = gzipSync(read(file), { level: 9 }).length;
      expect(sizes[`chatlet-locale-${code} (lazy)`], code).toEqual({ file, minified: Buffer.byteLength(read(file)), gzip });
      expect(gzip, code).toBeLessThanOrEqual(BUDGET);
    }
  });

  it('hold the texts in the order of English’s keys, and import nothing', async () => {
    const keys = Object.keys(defaultStrings) as (keyof Strings)[];
    for (const [code, strings] of others) {
      const chunk = read(`dist/chatlet-locale-${code}.mjs`);
      expect(chunk, code).not.toMatch(/\bimport\b/);
      const { default: texts } = await import(`data:text/javascript;base64,${Buffer.from(chunk).toString('base64')}`);
      expect(texts, code).toEqual(keys.map((k) => strings[k]));
    }
  });

  it('are no part of what an English visitor loads', () => {
    for (const file of FIRST_OPEN) {
      const code = read(file);
      for (const [locale, strings] of others) expect(code.includes(strings.welcome), `${file} holds ${locale}`).toBe(false);
    }
  });
});
