import type { TimelineItem } from '../chat/state/timeline';
import { eventTime } from '../chat/state/event-time';
import { dayStart } from './format-time';

/** A row of the message list: a day heading, a centred system line, or a run of one author's events. */
export type TimelineRow =
  | { kind: 'day'; key: string; at: number }
  | { kind: 'system'; key: string; item: TimelineItem }
  | { kind: 'group'; key: string; authorId: string | null; isOwn: boolean; items: TimelineItem[]; at: number | null };

// Messages from one author further apart than this start a new group (and show their own time).
const GAP_MS = 5 * 60_000;

/**
 * Groups a timeline for display: consecutive events of one author within five minutes form a group,
 * system messages stand alone, and a day heading precedes the first event of each calendar day.
 * Events without a time (unconfirmed sends) join the group before them.
 */
export function groupTimeline(items: readonly TimelineItem[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let day: number | null = null;
  let group: Extract<TimelineRow, { kind: 'group' }> | null = null;
  let lastAt: number | null = null;
  for (const item of items) {
    const at = eventTime(item.event);
    if (at !== null && dayStart(at) !== day) {
      day = dayStart(at);
      rows.push({ kind: 'day', key: `day:${day}`, at: day });
      group = null;
    }
    if (item.event.type === 'system_message') {
      rows.push({ kind: 'system', key: item.key, item });
      group = null;
    } else if (group && group.authorId === item.authorId && (at === null || lastAt === null || at - lastAt <= GAP_MS)) {
      group.items.push(item);
    } else {
      group = { kind: 'group', key: item.key, authorId: item.authorId, isOwn: item.isOwn, items: [item], at };
      rows.push(group);
    }
    if (at !== null) lastAt = at;
  }
  return rows;
}
