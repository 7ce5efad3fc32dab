// Merging is how duplicate and reordered pushes stay harmless: one copy per `id`, always sorted.
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
 * Adds `incoming` to `existing`: a known `id` is replaced by the newer copy, new events are added,
 * the result is sorted with {@link compareEvents}. Returns `existing` itself when nothing changed,
 * so duplicates cause no state change.
 *
 * @example
 * mergeEvents([{ id: 'b', type: 'message', text: '2', order: 2 }], [{ id: 'a', type: 'message', text: '1', order: 1 }]);
 * // [a, b]
 */
export function mergeEvents(existing: readonly ChatEvent[], incoming: readonly unknown[]): ChatEvent[] {
  let next: ChatEvent[] | null = null;
  let index: Map<string, number> | null = null;
  for (const event of incoming) {
    if (!isEvent(event)) continue;
    index ??= new Map(existing.map((e, i) => [e.id, i]));
    const at = index.get(event.id);
    const list: readonly ChatEvent[] = next ?? existing;
    if (at !== undefined) {
      const known = list[at];
      if (known && sameEvent(known, event)) continue;
      next ??= existing.slice();
      next[at] = event;
    } else {
      next ??= existing.slice();
      index.set(event.id, next.length);
      next.push(event);
    }
  }
  if (!next) return existing as ChatEvent[];
  for (let i = 1; i < next.length; i++) {
    if (compareEvents(next[i - 1]!, next[i]!) > 0) return next.sort(compareEvents);
  }
  return next;
}
