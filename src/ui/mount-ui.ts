import { createElement, render } from 'preact';
import { App, type AppProps } from './App';
import { followViewport, type ViewportLike } from './follow-viewport';

/**
 * What {@link mountUi} needs besides the {@link AppProps}.
 *
 * @example
 * const options: MountUiOptions = { root, css, addStyles, store, view, viewport: window.visualViewport };
 */
export interface MountUiOptions extends AppProps {
  /** The widget's shadow root (or an element inside it) to render into. */
  root: ShadowRoot;
  /** The widget CSS (`styles/widget.css`) and the function that adopts CSS into the shadow root. */
  css: string;
  addStyles: (css: string) => () => void;
  /** The page's `visualViewport`, so the phone layout follows the on-screen keyboard. */
  viewport?: ViewportLike | null | undefined;
}

/**
 * Renders the widget UI into its shadow root and returns the function that takes it all out again
 * (component tree, stylesheets, viewport listeners). Touches nothing outside `root`.
 *
 * @example
 * const unmount = mountUi({ root: host.root, css, addStyles: host.addStyles, store, view, viewport: window.visualViewport });
 * unmount();
 */
export function mountUi({ root, css, addStyles, viewport, ...props }: MountUiOptions): () => void {
  const removeStyles = addStyles(css);
  const stopViewport = followViewport(root, viewport);
  const container = root.ownerDocument.createElement('div');
  // `display: contents` (class `cl`): the container adds no box, so an inline widget fills the host.
  container.className = 'cl';
  root.append(container);
  render(createElement(App, props), container);
  return () => {
    render(null, container);
    container.remove();
    stopViewport();
    removeStyles();
  };
}
