import type { ChatEvent } from '../../protocol/types';

type Timed = Pick<ChatEvent, 'order' | 'created_at'>;

/** Whole seconds (ms, time zone applied) and the fraction padded to ns, so precision cannot skew order. */
function split(at: string): [number, string] {
  const fraction = /\.(\d+)/.exec(at)?.[1] ?? '';
  return [Date.parse(at.replace(/\.\d+/, '')), fraction.padEnd(9, '0')];
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareCreatedAt(a: string, b: string): number {
  // Same-width RFC 3339 strings from one server sort as text (µs included): the fast path.
  if (a.length === b.length) return text(a, b);
  const [secondsA, fractionA] = split(a);
  const [secondsB, fractionB] = split(b);
  if (Number.isNaN(secondsA) || Number.isNaN(secondsB)) return text(a, b);
  return secondsA - secondsB || text(fractionA, fractionB);
}

/**
 * Orders two events by `order` when both have one, else by `created_at` (released v3.1), else calls
 * them equal so a stable sort keeps their arrival order. Never by `timestamp` (seed 002 "Events order").
 */
export function compareEvents(a: Timed, b: Timed): number {
  if (typeof a.order === 'number' && typeof b.order === 'number') return a.order - b.order;
  if (typeof a.created_at === 'string' && typeof b.created_at === 'string') return compareCreatedAt(a.created_at, b.created_at);
  return 0;
}
