import { computed, type ReadonlySignal } from '@preact/signals-core';

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A computed signal that keeps its previous value while the new one is shallowly equal: a selector
 * that builds a small object would otherwise notify its readers, and re-render them, on every change.
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
