// Property pushes carry only what changed, so they merge into what we have, name by name.
import type { PropertyValues } from './chat-state';

/**
 * Merges unwrapped property values into `base` without mutating either.
 *
 * @example
 * mergeProperties({ rating: { score: 1 } }, { rating: { comment: 'ok' } });
 * // { rating: { score: 1, comment: 'ok' } }
 */
export function mergeProperties(base: PropertyValues, changes: PropertyValues): PropertyValues {
  const namespaces = Object.keys(changes);
  if (namespaces.length === 0) return base;
  const out: PropertyValues = { ...base };
  for (const ns of namespaces) out[ns] = { ...base[ns], ...changes[ns] };
  return out;
}
