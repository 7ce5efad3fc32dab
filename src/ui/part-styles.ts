// The stylesheets of the parts that load later (parts.ts), and the widgets' shadow roots they go into.
const loaded: string[] = [];
const roots = new Set<(css: string) => void>();

/**
 * Adds a part's stylesheet to every widget's shadow root, and to those mounted later. Each part's
 * module calls it once, as its chunk is evaluated: the sheet is in before the part first renders,
 * so that render does not also restyle the whole panel.
 */
export function partStyles(css: string): void {
  loaded.push(css);
  for (const adopt of roots) adopt(css);
}

/** For mountUi: adds the parts' sheets loaded so far and those loaded later, until the returned function is called. */
export function adoptPartStyles(adopt: (css: string) => void): () => void {
  for (const css of loaded) adopt(css);
  roots.add(adopt);
  return () => void roots.delete(adopt);
}
