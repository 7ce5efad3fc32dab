// The config's theming options as CSS custom properties on the shadow host; the launcher and the
// UI's stylesheet read them (`var(--chatlet-accent)`), so theming never needs inline styles.
import type { ChatWidgetConfig } from './types';

/**
 * One `:host` rule: `color-scheme` for dark mode (`light dark` follows the system), the horizontal
 * insets `--chatlet-left`/`--chatlet-right` for `position: 'left'`, and `--chatlet-accent` and
 * `--chatlet-z` where set.
 *
 * @example
 * themeCss({ accentColor: '#0a7', position: 'left', darkMode: true });
 * // ':host{color-scheme:dark;--chatlet-left:20px;--chatlet-right:auto;--chatlet-accent:#0a7;}'
 */
export function themeCss({ accentColor, zIndex, position, darkMode }: Partial<ChatWidgetConfig>): string {
  return (
    `:host{color-scheme:${darkMode === true ? 'dark' : darkMode === false ? 'light' : 'light dark'};` +
    (position == 'left' ? '--chatlet-left:20px;--chatlet-right:auto;' : '') +
    (accentColor ? `--chatlet-accent:${accentColor};` : '') +
    (zIndex === undefined ? '' : `--chatlet-z:${zIndex};`) +
    '}'
  );
}
