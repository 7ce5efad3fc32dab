// The config's theming options as CSS custom properties on the shadow host; the launcher and the
// UI's stylesheet read them (`var(--chatlet-accent)`), so theming never needs inline styles.
import type { ChatWidgetConfig } from './types';

/**
 * One `:host` rule with the horizontal insets `--chatlet-left`/`--chatlet-right` for
 * `position: 'left'`, and `--chatlet-accent` and `--chatlet-z` where set. (Dark mode is the
 * widget's `color-scheme`, which the launcher does not need.)
 */
export function themeCss({ accentColor, zIndex, position }: Partial<ChatWidgetConfig>): string {
  return (
    ':host{' +
    (position == 'left' ? '--chatlet-left:20px;--chatlet-right:auto;' : '') +
    (accentColor ? `--chatlet-accent:${accentColor};` : '') +
    (zIndex === undefined ? '' : `--chatlet-z:${zIndex};`) +
    '}'
  );
}
