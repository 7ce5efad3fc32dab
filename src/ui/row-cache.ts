/**
 * Remembers what a list rendered for each row key, and hands the same value back while the row's
 * inputs are the same objects. Preact does not diff a vnode passed again as-is, so moving the message
 * list's window or adding one event re-renders only the rows that changed, not every row on screen.
 *
 * @example
 * const rows = rowCache<VNode>();
 * const vnode = rows.get(row.key, [row.item.event], () => <SystemMessage event={row.item.event} />);
 * rows.done(); // after the render: rows not asked for are forgotten
 */
export function rowCache<V>() {
  let last = new Map<string, { deps: readonly unknown[]; value: V }>();
  let next = new Map<string, { deps: readonly unknown[]; value: V }>();
  return {
    /** The value kept for `key` if `deps` are identical to last time's, else `make()`'s. */
    get(key: string, deps: readonly unknown[], make: () => V): V {
      const prev = last.get(key);
      const same = prev !== undefined && prev.deps.length === deps.length && prev.deps.every((d, i) => d === deps[i]);
      const value = same ? prev.value : make();
      next.set(key, { deps, value });
      return value;
    },
    /** Ends a render: what this render asked for is what the next one can reuse. */
    done(): void {
      last = next;
      next = new Map();
    },
  };
}
