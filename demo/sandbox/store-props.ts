// Chat, thread and event properties. Requests send bare values `{ns:{name:value}}` and names
// to delete `{ns:[names]}`; the store keeps them wrapped `{ns:{name:{value}}}` as responses
// and pushes carry them (protocol-notes §2).
import { ApiError, isObject } from './protocol';
import type { Payload } from './protocol';
import type { Properties } from './store';

/** Names that would reach an object's prototype instead of creating a property. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function checkName(name: string, path: string): void {
  if (RESERVED.has(name)) throw new ApiError('validation', `\`${path}\` is not an allowed property name`);
}

/**
 * Checks a bare property input `{ns:{name:value}}` and returns it wrapped, without storing it.
 * @example
 * wrapProperties({ rating: { score: 1 } }, 'properties'); // {rating:{score:{value:1}}}
 */
export function wrapProperties(input: Payload, field: string): Properties {
  const out: Properties = {};
  for (const [ns, values] of Object.entries(input)) {
    checkName(ns, `${field}.${ns}`);
    if (!isObject(values)) throw new ApiError('validation', `\`${field}.${ns}\` must be an object of property values`);
    out[ns] = {};
    for (const [name, value] of Object.entries(values)) {
      checkName(name, `${field}.${ns}.${name}`);
      if (value === undefined || value === null) throw new ApiError('validation', `\`${field}.${ns}.${name}\` must have a value`);
      out[ns][name] = { value };
    }
  }
  return out;
}

/**
 * Merges wrapped properties into a target; returns the changed part (what the push carries).
 * @example
 * const changed = updateProperties(chat.properties, wrapProperties(payload.properties, 'properties'));
 */
export function updateProperties(target: Properties, changes: Properties): Properties {
  for (const [ns, values] of Object.entries(changes)) target[ns] = { ...target[ns], ...values };
  return changes;
}

/**
 * Checks a delete input and normalizes it to `{ns:[names]}`. Besides the documented
 * `{ns:[names]}` it accepts the seed's `delete_event_properties` sample shape
 * `{ns:{group:[names]}}`, reading the listed names as names inside `ns`.
 * @example
 * propertyNames({ rating: ['score'] }, 'properties'); // {rating:['score']}
 */
export function propertyNames(input: Payload, field: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const strings = (v: unknown, path: string): string[] => {
    if (!Array.isArray(v) || !v.every((n) => typeof n === 'string')) {
      throw new ApiError('validation', `\`${path}\` must be an array of property names`);
    }
    return v as string[];
  };
  for (const [ns, names] of Object.entries(input)) {
    checkName(ns, `${field}.${ns}`);
    if (isObject(names)) {
      out[ns] = Object.entries(names).flatMap(([group, list]) => strings(list, `${field}.${ns}.${group}`));
    } else {
      out[ns] = strings(names, `${field}.${ns}`);
    }
  }
  return out;
}

/**
 * Deletes named properties from a target; empty namespaces disappear.
 * @example
 * deleteProperties(thread.properties, { rating: ['score', 'comment'] });
 */
export function deleteProperties(target: Properties, names: Record<string, string[]>): Record<string, string[]> {
  for (const [ns, list] of Object.entries(names)) {
    const values = target[ns];
    if (!values) continue;
    for (const name of list) delete values[name];
    if (Object.keys(values).length === 0) delete target[ns];
  }
  return names;
}
