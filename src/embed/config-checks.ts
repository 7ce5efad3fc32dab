// One row per config option: a test and what the option must be. validateConfig reports a failed
// test with the row's text; readScriptConfig uses the table to know which `data-*` attributes exist
// and which hold plain text (the others hold JSON: numbers, booleans, objects).
import { isStringMap } from './is-string-map';
import type { ChatWidgetConfig } from './types';

/** A config option's test, what it must be, and whether a `data-*` attribute holds it as plain text. */
export type ConfigCheck = [test: (value: any) => boolean, expected: string, text?: 1];

const isString = (v: unknown) => typeof v == 'string';
const text: ConfigCheck = [isString, 'a string', 1];
const integer = (min: number): ConfigCheck => [(v) => Number.isInteger(v) && v >= min, 'an integer ≥ ' + min];
const oneOf = (...values: unknown[]): ConfigCheck => [(v) => values.includes(v), 'one of ' + values];
const url = (pattern: RegExp): ConfigCheck => [(v) => pattern.test(v), 'a URL matching ' + pattern, 1];

/** The checks, by option name. */
export const configChecks: Record<keyof ChatWidgetConfig, ConfigCheck> = {
  licenseId: integer(1),
  groupId: integer(0),
  zIndex: integer(0),
  apiUrl: url(/^wss?:\/\/./),
  accountsUrl: url(/^https?:\/\/./),
  clientId: text,
  nonce: text,
  // Goes into a stylesheet, so it must be exactly one CSS colour and nothing that could end a rule.
  accentColor: [(v) => /^[^;{}]+$/.test(v) && CSS.supports('color', v), 'a CSS colour', 1],
  getToken: [(v) => typeof v == 'function', 'a function'],
  customer: [
    (v) =>
      isStringMap(v && { ...v, fields: '' }) &&
      !Array.isArray(v) &&
      isStringMap(v.fields ?? {}) &&
      Object.keys(v).every((k) => /^(name|email|avatar|fields)$/.test(k)),
    '{name, email, avatar: string, fields: {[name]: string}}',
  ],
  strings: [isStringMap, 'an object of strings'],
  locale: [(v) => isString(v) && /^[a-z]{2,3}([-_]\w+)*$/i.test(v), 'a language tag like "pt-BR"', 1],
  target: [(v) => v?.nodeType == 1, 'an element'],
  visibility: oneOf('maximized', 'minimized', 'hidden'),
  consent: oneOf('granted', 'on-interaction'),
  position: oneOf('left', 'right'),
  darkMode: oneOf(true, false, 'auto'),
  sound: oneOf(true, false),
  titleBadge: oneOf(true, false),
  attachments: oneOf(true, false),
  // upload_file refuses more than 10 MB.
  maxFileSize: [(v) => Number.isInteger(v) && v > 0 && v <= 10485760, 'an integer from 1 to 10485760 (bytes)'],
};
