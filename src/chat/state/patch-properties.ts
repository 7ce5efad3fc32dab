import type { PropertyValues } from './chat-state';

/**
 * `base` with `set` merged in name by name and the `deleted` names removed; property changes carry
 * only what changed. Returns `base` itself when there is nothing to do.
 */
export function patchProperties(base: PropertyValues, set: PropertyValues = {}, deleted: Record<string, string[]> = {}): PropertyValues {
  let out = base;
  for (const ns of Object.keys(set)) out = { ...out, [ns]: { ...out[ns], ...set[ns] } };
  for (const [ns, names] of Object.entries(deleted)) {
    if (out[ns] === undefined) continue;
    const kept = { ...out[ns] };
    for (const name of names) delete kept[name];
    out = { ...out, [ns]: kept };
  }
  return out;
}
