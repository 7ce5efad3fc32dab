// Merging is how duplicate and reordered pushes stay harmless: one copy per `id`, always sorted.
// A 10,000-event thread arrives in one answer, so a merge costs one pass over what the thread holds
// plus sorting only what is new: no index of the whole thread, no re-sort of it.
import type { ChatEvent } from '../protocol/types';
import { compareEvents } from './compare-events';

/**
 * Whether a value looks enough like an event to keep: it has a string `id` and `type`.
 *
 * @example
 * isEvent({ id: 'e1', type: 'message', text: 'hi' }); // true
 */
export function isEvent(value: unknown): value is ChatEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'string' && id !== '' && typeof type === 'string';
}

const sameEvent = (a: ChatEvent, b: ChatEvent) => a === b || JSON.stringify(a) === JSON.stringify(b);

const isSorted = (events: readonly ChatEvent[]) => events.every((e, i) => i === 0 || compareEvents(events[i - 1]!, e) <= 0);

/** `a` and `b` (each sorted) as one sorted list; on a tie `a` comes first, as a stable sort of `[...a, ...b]` does. */
function mergeSorted(a: readonly ChatEvent[], b: readonly ChatEvent[]): ChatEvent[] {
  // Older history lands before what is held, a live event after it: one copy, no comparisons.
  if (a.length === 0 || b.length === 0 || compareEvents(a[a.length - 1]!, b[0]!) <= 0) return [...a, ...b];
  if (compareEvents(b[b.length - 1]!, a[0]!) < 0) return [...b, ...a];
  const out = new Array<ChatEvent>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareEvents(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Adds `incoming` to `existing` (sorted): a known `id` is replaced by the newer copy, new events are
 * added, the result is sorted with {@link compareEvents}. Returns `existing` itself when nothing
 * changed, so duplicates cause no state change. Costs one pass over `existing` and a sort of what
 * is new.
 *
 * @example
 * mergeEvents([{ id: 'b', type: 'message', text: '2', order: 2 }], [{ id: 'a', type: 'message', text: '1', order: 1 }]);
 * // [a, b]
 */
export function mergeEvents(existing: readonly ChatEvent[], incoming: readonly unknown[]): ChatEvent[] {
  // The last copy of each id wins, in the order the ids first arrived.
  const byId = new Map<string, ChatEvent>();
  for (const event of incoming) if (isEvent(event)) byId.set(event.id, event);
  if (byId.size === 0) return existing as ChatEvent[];
  let kept: ChatEvent[] | null = null;
  for (let i = 0; i < existing.length && byId.size > 0; i++) {
    const known = existing[i]!;
    const copy = byId.get(known.id);
    if (copy === undefined) continue;
    byId.delete(known.id);
    if (sameEvent(known, copy)) continue;
    kept ??= existing.slice();
    kept[i] = copy;
  }
  if (!kept && byId.size === 0) return existing as ChatEvent[];
  const held = kept ?? (existing as ChatEvent[]);
  const added = [...byId.values()];
  if (!isSorted(added)) added.sort(compareEvents);
  const merged = mergeSorted(held, added);
  // A replaced copy may carry another `order`, and a server mixing order styles makes the
  // comparison non-transitive: then only a full (stable) sort is sure.
  return isSorted(merged) ? merged : [...held, ...added].sort(compareEvents);
}
