// Request filters and pagination of the agent API's list methods (get_chats_summary,
// get_archives, get_chat_threads_summary, get_customers): property filters
// `{ns:{name:{exists|values|exclude_values}}}`, range filters `{lt,lte,gt,gte,eq}`, page
// numbers and opaque page ids.
import { ApiError, isObject, optInt, optObject, optString } from './protocol';
import type { Payload } from './protocol';
import type { Properties } from './store';

type PropertyFilter = { exists?: boolean; values?: unknown[]; exclude_values?: unknown[] };

/**
 * Checks `filters.properties` and returns a predicate over wrapped properties.
 * @example
 * const match = propertyFilter(filters, 'filters.properties');
 * match({ rating: { score: { value: 1 } } });
 */
export function propertyFilter(filters: Payload, field: string): (props: Properties) => boolean {
  const raw = optObject(filters, field) ?? {};
  const checks: Array<{ ns: string; name: string; filter: PropertyFilter }> = [];
  for (const [ns, names] of Object.entries(raw)) {
    if (!isObject(names)) throw new ApiError('validation', `\`${field}.${ns}\` must be an object`);
    for (const [name, filter] of Object.entries(names)) {
      const path = `${field}.${ns}.${name}`;
      if (!isObject(filter)) throw new ApiError('validation', `\`${path}\` must be an object`);
      const kinds = Object.keys(filter);
      if (kinds.length !== 1 || !['exists', 'values', 'exclude_values'].includes(kinds[0] as string)) {
        throw new ApiError('validation', `\`${path}\` must hold exactly one of exists, values, exclude_values`);
      }
      if (filter.exists !== undefined && typeof filter.exists !== 'boolean') throw new ApiError('validation', `\`${path}.exists\` must be a boolean`);
      for (const k of ['values', 'exclude_values'] as const) {
        if (filter[k] !== undefined && !Array.isArray(filter[k])) throw new ApiError('validation', `\`${path}.${k}\` must be an array`);
      }
      checks.push({ ns, name, filter: filter as PropertyFilter });
    }
  }
  return (props) =>
    checks.every(({ ns, name, filter }) => {
      const holder = props[ns]?.[name];
      if (filter.exists !== undefined) return (holder !== undefined) === filter.exists;
      if (filter.values) return holder !== undefined && filter.values.includes(holder.value);
      return holder === undefined || !(filter.exclude_values ?? []).includes(holder.value);
    });
}

const RANGE_KEYS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;

/**
 * Checks a range filter (`{gte: 20}`; numbers, or strings for dates) and returns its predicate.
 * @example
 * rangeFilter({ gte: 20 }, 'filters.visits_count', 'number')(25); // true
 */
export function rangeFilter(raw: unknown, field: string, kind: 'number' | 'string'): (v: number | string | undefined) => boolean {
  if (!isObject(raw)) throw new ApiError('validation', `\`${field}\` must be an object`);
  const bounds: Array<[(typeof RANGE_KEYS)[number], number | string]> = [];
  for (const [k, v] of Object.entries(raw)) {
    if (!(RANGE_KEYS as readonly string[]).includes(k)) throw new ApiError('validation', `\`${field}.${k}\` is not one of ${RANGE_KEYS.join(', ')}`);
    if (typeof v !== kind) throw new ApiError('validation', `\`${field}.${k}\` must be a ${kind}`);
    bounds.push([k as (typeof RANGE_KEYS)[number], v as number | string]);
  }
  return (v) =>
    v !== undefined &&
    bounds.every(([k, b]) => (k === 'lt' ? v < b : k === 'lte' ? v <= b : k === 'gt' ? v > b : k === 'gte' ? v >= b : v === b));
}

/**
 * Checks a string filter (`{values: [...]}` or `{exclude_values: [...]}`) and returns its predicate.
 * @example
 * stringFilter({ values: ['Poland'] }, 'filters.country')('Poland'); // true
 */
export function stringFilter(raw: unknown, field: string): (v: string | undefined) => boolean {
  if (!isObject(raw)) throw new ApiError('validation', `\`${field}\` must be an object`);
  const kinds = Object.keys(raw);
  const kind = kinds[0];
  if (kinds.length !== 1 || (kind !== 'values' && kind !== 'exclude_values')) {
    throw new ApiError('validation', `\`${field}\` must hold exactly one of values, exclude_values`);
  }
  const list = raw[kind];
  if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) throw new ApiError('validation', `\`${field}.${kind}\` must be an array of strings`);
  return kind === 'values' ? (v) => v !== undefined && list.includes(v) : (v) => v === undefined || !list.includes(v);
}

/**
 * `pagination.page` (1–1000, default 1) and `pagination.limit` (0–100, default 25).
 * @example
 * const { page, limit } = pagination(payload);
 */
export function pagination(payload: Payload): { page: number; limit: number } {
  const p = optObject(payload, 'pagination') ?? {};
  return { page: optInt(p, 'pagination.page', 1, 1000) ?? 1, limit: optInt(p, 'pagination.limit', 0, 100) ?? 25 };
}

/**
 * A `YYYY-MM-DD` date filter field as a UTC day range in seconds.
 * @example
 * dayBound(filters, 'filters.date_from', 'start'); // 1472688000 for 2016-09-01
 */
export function dayBound(filters: Payload, field: string, edge: 'start' | 'end'): number | undefined {
  const value = optString(filters, field);
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new ApiError('validation', `\`${field}\` must be a date in YYYY-MM-DD format`);
  return Math.floor(ms / 1000) + (edge === 'end' ? 24 * 3600 - 1 : 0);
}

/**
 * An opaque page id: base64 of `<offset>:<order>`, the format of the seed's `MjpkZXNj`.
 * @example
 * pageId(2, 'desc'); // 'MjpkZXNj'
 */
export function pageId(offset: number, order: string): string {
  return Buffer.from(`${offset}:${order}`).toString('base64');
}

/**
 * Reads `page_id` back: the offset, and `validation` if it is not one this server made or
 * was made for another sort order.
 * @example
 * readPageId(payload, 'desc'); // 0 when there is no page_id
 */
export function readPageId(payload: Payload, order: string): number {
  const id = optString(payload, 'page_id');
  if (id === undefined) return 0;
  const match = /^(\d{1,9}):(asc|desc)$/.exec(Buffer.from(id, 'base64').toString('utf8'));
  if (!match || match[2] !== order) throw new ApiError('validation', '`page_id` is not a page id of this list');
  return Number(match[1]);
}

/**
 * One page of a list with the neighbouring page ids.
 * @example
 * const { items, next_page_id } = pageOf(threads, offset, 10, 'desc');
 */
export function pageOf<T>(
  all: T[],
  offset: number,
  limit: number,
  order: string,
): { items: T[]; next_page_id?: string; previous_page_id?: string } {
  return {
    items: all.slice(offset, offset + limit),
    ...(offset + limit < all.length && { next_page_id: pageId(offset + limit, order) }),
    ...(offset > 0 && { previous_page_id: pageId(Math.max(0, offset - limit), order) }),
  };
}

/**
 * `order`: `asc` or `desc` (default).
 * @example
 * const order = sortOrder(payload);
 */
export function sortOrder(payload: Payload): 'asc' | 'desc' {
  const order = optString(payload, 'order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new ApiError('validation', '`order` must be "asc" or "desc"');
  return order;
}
