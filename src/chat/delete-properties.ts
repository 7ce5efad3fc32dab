// `*_properties_deleted` pushes name what to drop as `{ns: [name, …]}`.
import type { PropertyValues } from './chat-state';

/**
 * Removes the named properties; anything that is not a list of names is ignored.
 *
 * @example
 * deleteProperties({ rating: { score: 1, comment: 'ok' } }, { rating: ['score'] });
 * // { rating: { comment: 'ok' } }
 */
export function deleteProperties(base: PropertyValues, names: unknown): PropertyValues {
  if (typeof names !== 'object' || names === null) return base;
  let out = base;
  for (const [ns, list] of Object.entries(names)) {
    const current = out[ns];
    if (!Array.isArray(list) || current === undefined) continue;
    const kept = { ...current };
    for (const name of list) if (typeof name === 'string') delete kept[name];
    out = { ...out, [ns]: kept };
  }
  return out;
}
