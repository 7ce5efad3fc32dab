// Checks a config object option by option (see configChecks) and fills in the defaults.
import { configChecks } from './config-checks';
import type { ChatWidgetConfig } from './types';

/** A config with every defaulted option present. */
export type ResolvedConfig = ChatWidgetConfig &
  Required<Pick<ChatWidgetConfig, 'apiUrl' | 'accountsUrl' | 'groupId' | 'visibility' | 'consent' | 'position' | 'darkMode'>>;

/**
 * Validates `input` and returns it with defaults, or throws a `TypeError` naming the first bad option.
 * Options set to `undefined` count as absent.
 */
export function validateConfig(input: Partial<ChatWidgetConfig>): ResolvedConfig {
  const config: Record<string, unknown> = {
    apiUrl: 'wss://api.livechatinc.com',
    accountsUrl: 'https://accounts.livechatinc.com',
    groupId: 0,
    visibility: 'minimized',
    consent: 'granted',
    position: 'right',
    darkMode: 'auto',
  };
  for (const [key, value] of Object.entries(input)) {
    const check = configChecks[key as keyof ChatWidgetConfig];
    if (!check) throw new TypeError(`chatlet: unknown option "${key}"`);
    if (value === undefined) continue;
    if (!check[0](value)) {
      throw new TypeError(`chatlet: ${key} must be ${check[1]} (got ${JSON.stringify(value) ?? typeof value})`);
    }
    config[key] = value;
  }
  if (!config.licenseId) throw new TypeError('chatlet: licenseId is required');
  return config as unknown as ResolvedConfig;
}
