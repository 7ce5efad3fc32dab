// Turns a script tag's `data-*` attributes into a config object. Attribute values are strings, so
// options that are numbers, booleans or objects are read as JSON; when that fails the raw string is
// kept, and validateConfig reports it exactly as the page author wrote it.
import { configChecks } from './config-checks';
import type { ChatWidgetConfig } from './types';

/** Reads the config options among `dataset`; other `data-*` attributes (a CDN's, say) are ignored. */
export function readScriptConfig(dataset: DOMStringMap): Partial<ChatWidgetConfig> {
  const config: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(dataset)) {
    const check = configChecks[key as keyof ChatWidgetConfig];
    if (!check) continue;
    try {
      config[key] = check[2] ? raw : JSON.parse(raw!);
    } catch {
      config[key] = raw;
    }
  }
  return config;
}
