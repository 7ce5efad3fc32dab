// The widget's launcher with its theme: a floating icon button, or a labelled one inline in a
// `target` element; the theme sheet carries the accent, side, z-index and colour scheme.
import { OPEN, START_CHAT } from './launcher-label';
import type { LauncherKit } from './launcher-kit';
import type { ResolvedConfig } from './validate-config';
import type { WidgetHost } from './widget-host';

const inlineCss = 'button.inline{position:static;width:auto;height:auto;padding:12px 20px;border-radius:99px;font:600 15px system-ui}';
const colorScheme = { true: 'dark', false: 'light', auto: 'light dark' };

/**
 * Labels the launcher `config` asks for: by its `strings`, else by the locale chunk's `texts`, else
 * in English. Floating, the label is its accessible name; inline, its text too.
 */
export function labelLauncher(button: HTMLButtonElement, config: ResolvedConfig, texts?: readonly string[]): void {
  const strings = config.strings ?? {};
  const label = config.target ? (strings.startChat ?? texts?.[START_CHAT] ?? 'Start the chat') : (strings.open ?? texts?.[OPEN] ?? 'Open chat');
  button.setAttribute('aria-label', label);
  if (config.target) button.textContent = label;
}

/**
 * Draws the launcher `config` asks for into `host`, with the kit's `drawLauncher` and `themeCss`,
 * labelled in English (or by `strings`) until {@link labelLauncher} has the locale's texts, and returns it.
 */
export function widgetLauncher(
  [, drawLauncher, themeCss]: LauncherKit,
  host: WidgetHost,
  config: ResolvedConfig,
  onIntent: () => void,
  onClick: () => void,
): HTMLButtonElement {
  // `light dark` follows the visitor's system.
  const theme = `${themeCss(config)}:host{color-scheme:${colorScheme[`${config.darkMode}`]}}${inlineCss}`;
  const button = drawLauncher(host, !!config.target, '', onIntent, onClick, theme);
  labelLauncher(button, config);
  return button;
}
