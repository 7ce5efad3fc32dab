import { describe, expect, it } from 'vitest';
import { de } from '../../../src/locales/de';
import { pairTexts, textsOf } from '../../../src/locales/texts-of';
import { defaultStrings } from '../../../src/ui/strings';

describe('a locale’s texts without its keys', () => {
  it('are in the order of English’s keys, and pair with them again', () => {
    const texts = textsOf(de);
    expect(texts).toHaveLength(Object.keys(defaultStrings).length);
    expect(texts[0]).toBe(de.title);
    expect(pairTexts(texts)).toEqual(de);
  });

  it('leave to English the keys a shorter chunk (another build’s) lacks', () => {
    const paired = pairTexts(textsOf(de).slice(0, 3));
    expect(paired).toEqual({ title: de.title, open: de.open, openUnread: de.openUnread });
  });
});
