import { h, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component made with {@link lazy}, and the loading of its code. */
export type LazyComponent<P> = FunctionComponent<P> & { load(): Promise<void> };

/**
 * A component whose code loads the first time it renders, or earlier with `load()`; until it is
 * there `fallback` renders (nothing by default). A failed load is tried again by the next render
 * that needs it.
 */
export function lazy<P>(load: () => Promise<FunctionComponent<P>>, fallback: FunctionComponent<P> = () => null): LazyComponent<P> {
  let component: FunctionComponent<P> | undefined;
  let loading: Promise<void> | undefined;
  const start = () =>
    (loading ??= load().then(
      (c) => void (component = c),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = (props: P) => {
    const [, loaded] = useState(false);
    const rendered = component;
    useEffect(() => {
      // What this render showed: the code may have come since (loaded ahead), and then it renders again.
      if (rendered) return;
      let live = true;
      start().then(() => live && loaded(true), () => undefined);
      return () => void (live = false);
    }, []);
    return h(component ?? fallback, props as never);
  };
  return Object.assign(Lazy, { load: start });
}
