// The launcher drawn before any of the chat UI is loaded: vanilla DOM in the widget's shadow root,
// looking like the UI's own launcher, which replaces it once the app runs. Handlers are element
// properties, so they go away with the element.
import type { WidgetHost } from './widget-host';

// Selectors match only this button, the one top-level button of the shadow root (the UI renders into a
// container element): the sheet stays for its theme variables after the UI replaces the button, and
// must not style the UI's buttons.
const css =
  ':host>button{position:fixed;bottom:20px;right:var(--chatlet-right,20px);left:var(--chatlet-left,auto);' +
  'z-index:var(--chatlet-z,2147483000);width:60px;height:60px;' +
  'border:0;border-radius:50%;display:grid;place-items:center;cursor:pointer;box-shadow:0 6px 20px #0004;' +
  'background:var(--chatlet-accent,#2563eb);color:var(--chatlet-on-accent,#fff)}' +
  ':host>[aria-busy]{cursor:progress;opacity:.7}';

/**
 * Draws the launcher into `host`, with `theme` CSS appended to its stylesheet, and returns it.
 * Floating, it is an icon button in the corner (`themeCss` picks the side); `inline` (for a `target`
 * element) the caller styles `.inline` and puts the label in.
 */
export function drawLauncher(
  host: WidgetHost,
  inline: boolean,
  label: string,
  onIntent: () => void,
  onClick: () => void,
  theme = '',
): HTMLButtonElement {
  host.addStyles(css + theme);
  const button = document.createElement('button');
  if (inline) button.className = 'inline';
  button.setAttribute('aria-label', label);
  button.innerHTML = '<svg viewBox="0 0 24 24" width=27 fill=none stroke=currentColor stroke-width=2><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  button.onpointerenter = button.onfocus = onIntent;
  button.onclick = onClick;
  host.root.append(button);
  return button;
}
