import type { ChatEvent } from '../../protocol/types';
import { compareEvents } from './compare-events';

const sameEvent = (a: ChatEvent, b: ChatEvent) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `existing` (sorted) with `incoming` merged in: a known `id` takes the newer copy, new events are
 * added, the result is sorted by {@link compareEvents}. Returns `existing` itself when nothing
 * changed, so duplicate and reordered pushes are harmless. A 10,000-event thread arrives in one
 * answer, so only the incoming events are indexed, and the stable sort joins an older page and
 * what is held (two sorted runs) in one pass.
 */
export function mergeEvents(existing: readonly ChatEvent[], incoming: readonly ChatEvent[]): ChatEvent[] {
  // The last copy of each id wins, in the order the ids first arrived.
  const byId = new Map<string, ChatEvent>();
  for (const event of incoming) byId.set(event.id, event);
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
