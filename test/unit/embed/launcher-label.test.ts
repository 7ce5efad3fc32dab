import { describe, expect, it } from 'vitest';
import { OPEN, START_CHAT } from '../../../src/embed/launcher-label';
import { localeChunks } from '../../../src/embed/locale-chunks';
import { locales } from '../../../src/locales/locales';
import { defaultStrings } from '../../../src/ui/later-strings';
import { loadLocales } from '../locales/load-locales';

describe('the launcher’s labels among a locale chunk’s texts', () => {
  it('are where English’s keys have `open` and `startChat`', () => {
    const keys = Object.keys(defaultStrings);
    expect([keys[OPEN], keys[START_CHAT]]).toEqual(['open', 'startChat']);
  });

  it('are each locale’s own, in the chunk the npm entry loads for it', async () => {
    for (const [code, strings] of await loadLocales()) {
      if (code == 'en') continue;
      const { default: texts } = await localeChunks[code]();
      expect([texts[OPEN], texts[START_CHAT]], code).toEqual([strings.open, strings.startChat]);
    }
    expect(Object.keys(localeChunks).sort()).toEqual(locales.filter((l) => l != 'en').sort());
  });
});
