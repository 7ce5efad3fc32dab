// Merging is how duplicate and reordered pushes stay harmless: one copy per `id`, always sorted.
// A 10,000-event thread arrives in one answer, so a merge costs one pass over what the thread
// holds, with no index of it: only the incoming events are indexed.
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

/**
 * Adds `incoming` to `existing` (sorted): a known `id` is replaced by the newer copy, new events are
 * added, the result is sorted with {@link compareEvents}. Returns `existing` itself when nothing
 * changed, so duplicates cause no state change. An older page lands before what is held and a live
 * event after it; the stable sort finds those two sorted runs and joins them in one pass.
 *
 * @example
 * mergeEvents([{ id: 'b', type: 'message', text: '2', order: 2 }], [{ id: 'a', type: 'message', text: '1', order: 1 }]);
 * // [a, b]
 */
export function mergeEvents(existing: readonly ChatEvent[], incoming: readonly unknown[]): ChatEvent[] {
  // The last copy of each id wins, in the order the ids first arrived.
  const byId = new Map<string, ChatEvent>();
  for (const event of incoming) if (isEvent(event)) byId.set(event.id, event);
  let next: ChatEvent[] | null = null;
  for (let i = 0; i < existing.length && byId.size > 0; i++) {
    const known = existing[i]!;
    const copy = byId.get(known.id);
    if (copy === undefined) continue;
    byId.delete(known.id);
    if (!sameEvent(known, copy)) (next ??= existing.slice())[i] = copy;
  }
  if (byId.size > 0) next = [...(next ?? existing), ...byId.values()];
  if (!next) return existing as ChatEvent[];
  for (let i = 1; i < next.length; i++) if (compareEvents(next[i - 1]!, next[i]!) > 0) return next.sort(compareEvents);
  return next;
}
