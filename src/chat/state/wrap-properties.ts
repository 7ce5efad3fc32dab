import type { Properties } from '../../protocol/types';
import type { PropertyValues } from './chat-state';

/** `{ns: {name: value}}` in the wire's shape, `{ns: {name: {value}}}`: events keep their properties that way. */
export function wrapProperties(values: PropertyValues): Properties {
  const out: Properties = {};
  for (const [ns, names] of Object.entries(values)) {
    out[ns] = Object.fromEntries(Object.entries(names).map(([name, value]) => [name, { value }]));
  }
  return out;
}
