import { isObject } from '../../protocol/is-object';
import type { PropertyValues } from './chat-state';

/**
 * Wire properties `{ns: {name: {value}}}` (responses and pushes wrap every value; requests send bare
 * ones, protocol-notes §2) as `{ns: {name: value}}`. A bare value (v3.2 and later) is kept as it is;
 * malformed namespaces are skipped.
 */
export function unwrapProperties(properties: unknown): PropertyValues {
  const out: PropertyValues = {};
  if (!isObject(properties)) return out;
  for (const [ns, names] of Object.entries(properties)) {
    if (!isObject(names)) continue;
    const values: Record<string, unknown> = {};
    for (const [name, wrapped] of Object.entries(names)) values[name] = isObject(wrapped) && 'value' in wrapped ? wrapped.value : wrapped;
    out[ns] = values;
  }
  return out;
}
