// The inverse of unwrap-properties.ts, for state that keeps the wire shape (events) or mimics a push.
import type { Properties } from '../protocol/types';
import type { PropertyValues } from './chat-state';

/**
 * Turns `{ns: {name: value}}` into the wire's `{ns: {name: {value}}}`.
 *
 * @example
 * wrapProperties({ rating: { score: 1 } }); // { rating: { score: { value: 1 } } }
 */
export function wrapProperties(values: PropertyValues): Properties {
  const out: Properties = {};
  for (const [ns, names] of Object.entries(values)) {
    out[ns] = Object.fromEntries(Object.entries(names).map(([name, value]) => [name, { value }]));
  }
  return out;
}
