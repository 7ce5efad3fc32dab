import { describe, expect, it } from 'vitest';
import { de } from '../../../src/locales/de';
import { textsOf } from '../../../src/locales/texts-of';
import { defaultStrings, laterStrings } from '../../../src/ui/later-strings';
import { addLaterStrings, dictionary, openStrings } from '../../../src/ui/strings';

// The tests of this file run in order: the later texts arrive in the third.
describe('a locale’s texts without its keys', () => {
  const texts = textsOf(de);
  const early = dictionary(texts, { send: 'Go', fileEmpty: 'Nothing in it' });

  it('are in the order of English’s keys, the first open’s first', () => {
    expect(texts).toHaveLength(Object.keys(defaultStrings).length);
    expect(Object.keys(defaultStrings).slice(0, Object.keys(openStrings).length)).toEqual(Object.keys(openStrings));
    expect(texts[0]).toBe(de.title);
  });

  it('pair with the first open’s keys at once, under the page’s own, and leave the later ones to the later parts', () => {
    expect(early.title).toBe(de.title);
    expect(early.send).toBe('Go');
    expect(early.fileEmpty).toBe('Nothing in it');
    expect(early.retry).toBeUndefined();
  });

  it('pair with the later keys when the later texts arrive, in dictionaries made before and after', () => {
    addLaterStrings(laterStrings);
    const late = dictionary(texts);
    for (const t of [early, late]) {
      expect(t.retry).toBe(de.retry);
      expect(t.timeFormat).toBe(de.timeFormat);
    }
    expect(early.fileEmpty).toBe('Nothing in it');
    expect({ ...Object.getPrototypeOf(late), ...late }).toEqual(de);
  });

  it('leave to English the keys a shorter chunk (another build’s) lacks', () => {
    const t = dictionary(texts.slice(0, 3));
    expect([t.title, t.open, t.openUnread, t.minimize, t.retry]).toEqual([de.title, de.open, de.openUnread, defaultStrings.minimize, 'Retry']);
  });

  it('are English alone without a chunk', () => {
    const t = dictionary();
    for (const key of Object.keys(defaultStrings) as (keyof typeof defaultStrings)[]) expect(t[key]).toBe(defaultStrings[key]);
  });
});
