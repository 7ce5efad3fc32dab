import { openStrings } from './strings';

/**
 * The texts only the parts that load later show (the message list, rich messages, files, the
 * webview, the postchat, the header's menu, the greeting, a stop's reason, the offline notice, the typing indicator), in English: they load with those parts (parts.ts), and a locale's chunk
 * holds its own after the first open's.
 */
export const laterStrings = {
  reply: 'Reply',
  typing: '{name} is typing',
  sound: 'Sound notifications',
  close: 'Close',
  offlineTitle: 'We are away right now',
  offlineBody: 'Leave a message and we will reply as soon as we can.',
  offlineLeft: 'Your message is waiting for us. We will reply here as soon as we are back.',
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
  you: 'You',
  messages: 'Messages',
  sending: 'Sending…',
  failed: 'Not sent.',
  retry: 'Retry',
  newMessages: 'New messages',
  loadingOlder: 'Loading earlier messages…',
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
  formSent: 'Form sent',
  rateGood: 'Good',
  rateBad: 'Bad',
  rateSubmit: 'Send rating',
  rateThanks: 'Thank you for your feedback!',
  postchatSubmit: 'Send',
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

/**
 * Every text in English, in the order a locale's chunk holds its own (`locales/texts-of.ts`).
 *
 * @example
 * defaultStrings.send; // 'Send'
 */
export const defaultStrings = { ...openStrings, ...laterStrings };
