import { createElement, render } from 'preact';
import { App, type AppProps } from './App';
import { followViewport, type ViewportLike } from './follow-viewport';
import { adoptPartStyles } from './part-styles';

/** What {@link mountUi} needs besides the {@link AppProps}. */
export interface MountUiOptions extends AppProps {
  /** The widget's shadow root (or an element inside it) to render into. */
  root: ShadowRoot;
  /** The widget CSS (`styles/widget.css`) and the function that adopts CSS into the shadow root. */
  css: string;
  addStyles: (css: string) => () => void;
  /** The page's `visualViewport`, so the phone layout follows the on-screen keyboard. */
  viewport?: ViewportLike | null | undefined;
  /**
   * Mounts in stages, each in the task after this resolves (see `nextTask`), instead of at once:
   * the stylesheet (parsing ~13 KB of CSS), then the first render, so that neither adds to the
   * caller's task nor to each other's on the host page.
   */
  nextTask?: (() => Promise<void>) | undefined;
  /** Called once the UI is on the page (at once without `nextTask`); not after unmounting. */
  onMounted?: (() => void) | undefined;
}

/**
 * Renders the widget UI into its shadow root and returns the function that takes it all out again
 * (component tree, stylesheets, viewport listeners), also when it has not finished mounting. Touches
 * nothing outside `root`.
 */
export function mountUi({ root, css, addStyles, viewport, nextTask, onMounted, ...props }: MountUiOptions): () => void {
  const container = root.ownerDocument.createElement('div');
  // `display: contents` (class `cl`): the container adds no box, so an inline widget fills the host.
  container.className = 'cl';
  let removeStyles = () => {};
  let stopViewport = () => {};
  // The sheets of the parts that load later (part-styles.ts), each added once and removed with the UI.
  const parts = new Map<string, () => void>();
  let stopParts = () => {};
  let live = true;
  const stages = [
    () => {
      // The viewport first: reading its height lays the page out, which costs nothing while no
      // stylesheet or element of ours has changed since the last frame.
      stopViewport = followViewport(root, viewport);
      removeStyles = addStyles(css);
      stopParts = adoptPartStyles((sheet) => void (parts.has(sheet) || parts.set(sheet, addStyles(sheet))));
    },
    () => {
      root.append(container);
      render(createElement(App, props), container);
      onMounted?.();
    },
  ];
  if (nextTask) {
    void (async () => {
      for (const stage of stages) {
        await nextTask();
        if (!live) return;
        stage();
      }
    })();
  } else for (const stage of stages) stage();
  return () => {
    live = false;
    render(null, container);
    container.remove();
    stopViewport();
    removeStyles();
    stopParts();
    for (const remove of parts.values()) remove();
  };
}
