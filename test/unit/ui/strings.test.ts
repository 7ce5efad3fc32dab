import { describe, expect, it } from 'vitest';
import { fmt } from '../../../src/ui/strings';

describe('fmt', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fmt('{name} is typing', { name: 'Bart' })).toBe('Bart is typing');
    expect(fmt('Open chat, {count} unread', { count: 3 })).toBe('Open chat, 3 unread');
    expect(fmt('{nmae} is typing', { name: 'Bart' })).toBe('{nmae} is typing');
  });

  it('picks a plural case by the language’s rules and writes the number for #', () => {
    const files = '{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}';
    expect([1, 2, 5, 22].map((count) => fmt(files, { count }, 'pl'))).toEqual(['1 plik', '2 pliki', '5 plików', '22 pliki']);
    // The same message in English rules: only one and other, so few and many are never picked.
    expect([1, 2, 5].map((count) => fmt(files, { count }, 'en'))).toEqual(['1 plik', '2 pliku', '5 pliku']);
  });

  it('prefers an exact case, falls back to other for a category it lacks', () => {
    const unread = '{count, plural, =0 {nothing new} one {# new message} other {# new messages}}';
    expect(fmt(unread, { count: 0 })).toBe('nothing new');
    expect(fmt(unread, { count: 1 })).toBe('1 new message');
    // Arabic's "two" is not written: other.
    expect(fmt(unread, { count: 2 }, 'ar')).toBe('2 new messages');
  });

  it('fills plain placeholders around a plural and tolerates spacing', () => {
    const text = '{name}: {count,plural,one{# file}other{# files}} ({count , plural , other {#}})';
    expect(fmt(text, { name: 'Ann', count: 2 })).toBe('Ann: 2 files (2)');
    expect(fmt('{count, plural,  one  {# file}   other  {# files} }', { count: 1 })).toBe('1 file');
  });

  it('keeps a plural whose variable is missing as written', () => {
    const text = '{count, plural, one {# file} other {# files}}';
    expect(fmt(text, {})).toBe(text);
  });
});
