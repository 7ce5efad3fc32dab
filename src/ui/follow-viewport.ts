/** The part of `VisualViewport` the widget reads. */
export type ViewportLike = Pick<VisualViewport, 'height' | 'offsetTop' | 'addEventListener' | 'removeEventListener'>;

/**
 * Keeps `--vvh`/`--vvt` on the shadow host equal to the visual viewport's height and offset, so
 * the full-screen panel on phones ends above the on-screen keyboard. The values live in a
 * constructed stylesheet owned by the shadow root and change through the CSSOM, which a strict
 * CSP allows (inline `style` would not). Without constructable stylesheets the CSS falls back to
 * `100dvh`. Returns a function that stops following and removes the sheet.
 */
export function followViewport(root: ShadowRoot, viewport: ViewportLike | null | undefined): () => void {
  if (!viewport || !('adoptedStyleSheets' in root) || typeof CSSStyleSheet === 'undefined') return () => {};
  const sheet = new CSSStyleSheet();
  let last = '';
  const update = () => {
    const css = `:host{--vvh:${Math.round(viewport.height)}px;--vvt:${Math.round(viewport.offsetTop)}px}`;
    if (css !== last) sheet.replaceSync((last = css));
  };
  update();
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
