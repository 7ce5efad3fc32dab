import { createContext } from 'preact';

/**
 * Every piece of text the widget shows, in English. Integrators override any key through the
 * `strings` option; `{name}`-style placeholders are filled by {@link fmt}.
 */
export const defaultStrings = {
  title: 'Chat with us',
  open: 'Open chat',
  openUnread: 'Open chat, {count} unread',
  minimize: 'Minimize chat',
  options: 'Chat options',
  sound: 'Sound notifications',
  close: 'Close',
  dismiss: 'Dismiss',
  reply: 'Reply',
  agent: 'Support',
  you: 'You',
  messages: 'Messages',
  welcome: 'Hi there! Ask us anything, we are happy to help.',
  placeholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  failed: 'Not sent.',
  retry: 'Retry',
  newMessages: 'New messages',
  loadingOlder: 'Loading earlier messages…',
  typing: '{name} is typing',
  today: 'Today',
  yesterday: 'Yesterday',
  // How times and days are written (see `formatDate`): CLDR pattern letters, then the names and
  // digits they use, comma-separated. A 24-hour clock is `timeFormat: 'HH:mm'`.
  timeFormat: 'h:mm a',
  dayFormat: 'EEE, MMM d',
  dayYearFormat: 'EEE, MMM d, y',
  weekdaysShort: 'Sun,Mon,Tue,Wed,Thu,Fri,Sat',
  monthsShort: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
  dayPeriods: 'AM,PM',
  digits: '0123456789',
  download: 'Download {name}',
  image: 'Image {name}',
  unknownEvent: 'This message cannot be shown here.',
  prev: 'Previous',
  next: 'Next',
  webview: 'Embedded page',
  offlineTitle: 'We are away right now',
  offlineBody: 'Leave a message and we will reply as soon as we can.',
  offlineLeft: 'Your message is waiting for us. We will reply here as soon as we are back.',
  startChat: 'Start the chat',
  required: 'This field is required.',
  invalidEmail: 'Enter a valid email address.',
  requiredMark: '(required)',
  choose: 'Choose…',
  formSent: 'Form sent',
  rateTitle: 'How was this chat?',
  rateGood: 'Good',
  rateBad: 'Bad',
  rateComment: 'Tell us more (optional)',
  rateSubmit: 'Send rating',
  rateThanks: 'Thank you for your feedback!',
  postchatSubmit: 'Send',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back online.',
  stopped: 'Chat is unavailable.',
  reason_customer_banned: 'You cannot chat with us from this device.',
  reason_customer_temporarily_blocked: 'Chat is blocked for a while. Please try again later.',
  reason_too_many_connections: 'Chat is open in too many tabs. Close some of them and reload the page.',
  reason_license_not_found: 'Chat is not set up for this website.',
  reason_license_expired: 'Chat is not available on this website right now.',
  reason_unsupported_version: 'This chat needs an update. Please reload the page.',
  reason_product_version_changed: 'This chat was updated. Please reload the page.',
  reason_misdirected_connection: 'Chat is not available on this website right now.',
  reason_misdirected_request: 'Chat is not available on this website right now.',
  reason_users_limit_reached: 'Too many people are chatting right now. Please try again later.',
  reason_inactivity_timeout: 'You were away for a while.',
  reason_identity_mismatch: 'Your session changed. Please reload the page.',
  reconnect: 'Reconnect',
  actionFailed: 'Something went wrong. Please try again.',
  attach: 'Attach a file',
  dropFiles: 'Drop files here to send them',
  waiting: 'Waiting to send…',
  uploading: 'Uploading {name}',
  cancel: 'Cancel',
  cancelFile: 'Cancel sending {name}',
  remove: 'Remove',
  removeFile: 'Remove {name}',
  retryFile: 'Retry sending {name}',
  fileTooLarge: 'This file is larger than {max}.',
  fileEmpty: 'This file is empty.',
  fileMissing: 'This file was lost when the page reloaded. Please attach it again.',
  fileUnreachable: 'The file could not be uploaded. Check your connection.',
  fileFailed: 'This file could not be sent.',
} as const;

/** The dictionary shape: every key of {@link defaultStrings}, each a string. */
export type Strings = { [K in keyof typeof defaultStrings]: string };

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
export const StringsContext = createContext<Strings>(defaultStrings);

/** The language of the active dictionary, a BCP 47 tag: {@link fmt} picks plural cases by it. */
export const LocaleContext = createContext('en');
