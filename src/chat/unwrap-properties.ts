// Responses and pushes wrap every property value as `{value}`; requests send bare values (protocol-notes §2).
import type { PropertyValues } from './chat-state';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns wire properties `{ns: {name: {value}}}` into `{ns: {name: value}}`. A value that is not
 * wrapped (v3.2 and later send bare values) is kept as it is; malformed namespaces are skipped.
 *
 * @example
 * unwrapProperties({ rating: { score: { value: 1 } } }); // { rating: { score: 1 } }
 */
export function unwrapProperties(properties: unknown): PropertyValues {
  const out: PropertyValues = {};
  if (!isRecord(properties)) return out;
  for (const [ns, names] of Object.entries(properties)) {
    if (!isRecord(names)) continue;
    const values: Record<string, unknown> = {};
    for (const [name, wrapped] of Object.entries(names)) {
      values[name] = isRecord(wrapped) && 'value' in wrapped ? wrapped.value : wrapped;
    }
    out[ns] = values;
  }
  return out;
}
