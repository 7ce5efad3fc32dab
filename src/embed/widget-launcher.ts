// The widget's launcher with its theme: a floating icon button, or a labelled one inline in a
// `target` element; the theme sheet carries the accent, side, z-index and colour scheme.
import type { LauncherKit } from './launcher-kit';
import type { ResolvedConfig } from './validate-config';
import type { WidgetHost } from './widget-host';

const inlineCss = 'button.inline{position:static;width:auto;height:auto;padding:12px 20px;border-radius:99px;font:600 15px system-ui}';
const colorScheme = { true: 'dark', false: 'light', auto: 'light dark' };

/**
 * Draws the launcher `config` asks for into `host`, with the kit's `drawLauncher` and `themeCss`,
 * and returns it.
 */
export function widgetLauncher(
  [, drawLauncher, themeCss]: LauncherKit,
  host: WidgetHost,
  config: ResolvedConfig,
  onIntent: () => void,
  onClick: () => void,
): HTMLButtonElement {
  const inline = !!config.target;
  const strings = config.strings ?? {};
  const label = (inline ? strings.startChat : strings.open) ?? (inline ? 'Start the chat' : 'Open chat');
  // `light dark` follows the visitor's system.
  const theme = `${themeCss(config)}:host{color-scheme:${colorScheme[`${config.darkMode}`]}}${inlineCss}`;
  const button = drawLauncher(host, inline, label, onIntent, onClick, theme);
  if (inline) button.textContent = label;
  return button;
}
