import { describe, expect, it } from 'vitest';
import { linkify } from '../../../src/ui/linkify';

describe('linkify', () => {
  it('splits text into plain parts and http(s) links, leaving trailing punctuation out', () => {
    expect(linkify('see https://x.io/a. and (www.y.org)!')).toEqual([
      { text: 'see ' },
      { text: 'https://x.io/a', href: 'https://x.io/a' },
      { text: '. and (' },
      { text: 'www.y.org', href: 'https://www.y.org/' },
      { text: ')!' },
    ]);
  });

  it('never links other schemes and keeps the text whole', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> ftp://x.io';
    expect(linkify(text)).toEqual([{ text }]);
  });

  it('returns no parts for empty text', () => {
    expect(linkify('')).toEqual([]);
  });
});
