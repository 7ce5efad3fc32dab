import { createContext } from 'preact';
import { useContext, useLayoutEffect } from 'preact/hooks';

/** Adds a stylesheet to the widget's shadow root once; mountUi provides it. */
export const StylesContext = createContext<(css: string) => void>(() => {});

/**
 * Adds a part's stylesheet to the shadow root the part renders in, before its first paint: parts
 * that load later (parts.ts) bring their CSS with their code instead of in the first download.
 */
export function useStyles(css: string): void {
  const adopt = useContext(StylesContext);
  useLayoutEffect(() => adopt(css), [adopt]);
}
