// Selectors that build small objects would hand out a new object on every state change; keeping the
// previous one when nothing in it changed spares the UI needless renders.
import { computed, type ReadonlySignal } from '@preact/signals-core';

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A computed signal whose value keeps its identity while the result is shallowly equal.
 *
 * @example
 * const agent = stableComputed(() => selectAgent(state.value));
 */
export function stableComputed<T>(fn: () => T): ReadonlySignal<T> {
  let last: { value: T } | null = null;
  return computed(() => {
    const next = fn();
    if (last && shallowEqual(last.value, next)) return last.value;
    last = { value: next };
    return next;
  });
}
