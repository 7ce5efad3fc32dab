// The one place that owns the widget's shadow root: it creates the host element, attaches an open
// shadow root (so assistive tech and test tools can reach inside) and puts stylesheets into it.
// Nothing here touches the host document's styles.

/** The widget's element on the page and its shadow root. */
export interface WidgetHost {
  root: ShadowRoot;
  /** Adds CSS to the shadow root only; returns a function that takes it out again. */
  addStyles(css: string): () => void;
  /** Takes the host element (and so everything in the shadow root) off the page. */
  remove(): void;
}

/**
 * Appends a `<chatlet-widget>` element to `parent` with an open shadow root. Styles go in as
 * constructable stylesheets, which strict CSP (`style-src 'self'`) allows; browsers without them get
 * a `<style nonce>` instead.
 */
export function createWidgetHost(parent: Element, nonce?: string): WidgetHost {
  const host = document.createElement('chatlet-widget');
  const root = host.attachShadow({ mode: 'open' });
  parent.append(host);
  return {
    root,
    addStyles(css) {
      // Every browser that adopts sheets also constructs them (Chromium 73, Firefox 101, Safari 16.4).
      if (root.adoptedStyleSheets) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        return () => {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s != sheet);
        };
      }
      const style = document.createElement('style');
      if (nonce) style.nonce = nonce;
      style.textContent = css;
      root.prepend(style);
      return () => style.remove();
    },
    remove: () => host.remove(),
  };
}
