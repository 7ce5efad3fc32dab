import { createContext } from 'preact';
import type { laterStrings } from './later-strings';

/**
 * The texts the first open shows, in English; those only the parts that load later show are in
 * `later-strings.ts`, which loads with them. Integrators override any key through the `strings`
 * option; `{name}`-style placeholders are filled by {@link fmt}.
 */
export const openStrings = {
  title: 'Chat with us',
  open: 'Open chat',
  openUnread: 'Open chat, {count} unread',
  minimize: 'Minimize chat',
  options: 'Chat options',
  dismiss: 'Dismiss',
  agent: 'Support',
  welcome: 'Hi there! Ask us anything, we are happy to help.',
  placeholder: 'Write a message…',
  send: 'Send',
  startChat: 'Start the chat',
  required: 'This field is required.',
  invalidEmail: 'Enter a valid email address.',
  requiredMark: '(required)',
  choose: 'Choose…',
  rateTitle: 'How was this chat?',
  rateComment: 'Tell us more (optional)',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back online.',
  stopped: 'Chat is unavailable.',
  reconnect: 'Reconnect',
  actionFailed: 'Something went wrong. Please try again.',
  attach: 'Attach a file',
} as const;

/** The dictionary shape: every key of English's texts, those of the first open and the later ones, each a string. */
export type Strings = { [K in keyof typeof openStrings | keyof typeof laterStrings]: string };

type Texts = Record<string, string>;

// A locale chunk's texts (in the order of English's keys, the first open's then the later ones) under
// the keys of one of English's two parts: `from` is where that part starts.
const pair = (texts: readonly string[] | undefined, english: Texts, from: number): Texts =>
  Object.fromEntries(Object.keys(english).flatMap((key, i) => (typeof texts?.[from + i] == 'string' ? [[key, texts[from + i]!]] : [])));

let later: Texts | undefined;
const waiting = new Set<(english: Texts) => void>();

/** For parts.ts, as the later texts arrive: every dictionary, made before or after, has them from then on. */
export function addLaterStrings(english: Texts): void {
  later = english;
  for (const fill of waiting) fill(english);
  waiting.clear();
}

/**
 * A widget's dictionary: English, under a locale chunk's `texts`, under the page's `own` texts. The
 * keys only the later parts read come with those parts ({@link addLaterStrings}), into the
 * dictionary's prototype, under what it holds itself: no part that reads them renders before.
 */
export function dictionary(texts?: readonly string[], own?: Partial<Strings>): Strings {
  const rest: Texts = {};
  const fill = (english: Texts) => Object.assign(rest, english, pair(texts, english, Object.keys(openStrings).length));
  if (later) fill(later);
  else waiting.add(fill);
  return Object.assign(Object.create(rest) as Strings, openStrings, pair(texts, openStrings, 0), own);
}

/**
 * Fills `{name}` placeholders, and plural ones in a small subset of ICU MessageFormat:
 * `{count, plural, =0 {none} one {# unread} other {# unread}}` picks the case for `count` by
 * `Intl.PluralRules` in `locale` (an exact `=n` first, then the category, then `other`) and writes
 * the number for `#`. A case's text holds no braces. So one key is one message in every language,
 * and an override may still be plain text (`'{count} new'`). Unknown placeholders stay as written
 * so a typo is visible: `fmt('{count, plural, one {# plik} few {# pliki} other {# plików}}', { count: 3 }, 'pl')`
 * is '3 pliki'.
 */
export function fmt(template: string, vars: Record<string, string | number>, locale = 'en'): string {
  return template.replace(/\{(\w+)(?:\s*,\s*plural\s*,((?:[^{}]|\{[^{}]*\})*))?\}/g, (m, k: string, cases?: string) => {
    if (!(k in vars)) return m;
    const n = vars[k]!;
    if (cases == null) return '' + n;
    const texts: Record<string, string> = {};
    cases.replace(/([^\s{}]+)\s*\{([^{}]*)\}/g, (_, key: string, text: string) => (texts[key] = text));
    return (texts['=' + n] ?? texts[new Intl.PluralRules(locale).select(+n)] ?? texts.other ?? m).replaceAll('#', '' + n);
  });
}

/** The active dictionary. Components read it with `useContext(StringsContext)`. */
export const StringsContext = createContext<Strings>(dictionary());

/** The language of the active dictionary, a BCP 47 tag: {@link fmt} picks plural cases by it. */
export const LocaleContext = createContext('en');
