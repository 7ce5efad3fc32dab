import { useContext } from 'preact/hooks';
import type { TimelineItem } from '../chat/state/timeline';
import type { RichMessageButton, User } from '../protocol/types';
import { DaySeparator } from './DaySeparator';
import { dayLabel } from './format-time';
import type { TimelineRow } from './group-timeline';
import { Memo } from './Memo';
import { MessageGroup } from './MessageGroup';
import { StringsContext } from './strings';
import { SystemMessage } from './SystemMessage';

type Group = Extract<TimelineRow, { kind: 'group' }>;
type SystemEvent = Extract<TimelineItem['event'], { type: 'system_message' }>;

/** What the rows call when the visitor presses a button or retries a send: the latest list's handlers. */
export type RowHandlers = {
  readonly current: { onPress: (item: TimelineItem, button: RichMessageButton) => void; onRetry: (customId: string) => void };
};

// What the rows' Memos render, and the callbacks a row is given, are made by these functions, not in
// the render: a function made there holds that render's whole scope (its props, its timeline, and
// through the vnodes' parents every row it rendered), and a row a Memo keeps lives on with what it
// was given, so kept rows would hold older renders' rows. Made here they hold their arguments only.
const dayRender = (label: string) => () => <DaySeparator label={label} />;
const systemRender = (event: SystemEvent) => () => <SystemMessage event={event} />;
function groupRender(row: Group, author: User | null | undefined, customerId: string | undefined, latest: boolean, handlers: RowHandlers) {
  return () => (
    <MessageGroup
      row={row}
      author={author}
      customerId={customerId}
      latest={latest}
      onPress={(i, b) => handlers.current.onPress(row.items[i]!, b)}
      onRetry={(customId) => handlers.current.onRetry(customId)}
    />
  );
}

/**
 * The message list's rows: day headings, system lines and runs of one author's events, each in a
 * Memo, so moving the window or adding an event re-renders only the rows that changed. `newest` is
 * the key of the chat's newest event (its group is the latest).
 */
export function MessageRows(props: { rows: TimelineRow[]; users: Record<string, User>; customerId: string | undefined; newest: string; handlers: RowHandlers }) {
  const t = useContext(StringsContext);
  const now = Date.now();
  return (
    <>
      {props.rows.map((row) => {
        if (row.kind === 'day') {
          const label = dayLabel(row.at, now, t);
          return <Memo key={row.key} deps={[label]} render={dayRender(label)} />;
        }
        if (row.kind === 'system') {
          const event = row.item.event as SystemEvent;
          return <Memo key={row.key} deps={[event]} render={systemRender(event)} />;
        }
        const author = row.authorId ? props.users[row.authorId] : null;
        // Timeline items are rebuilt on every change; their events and statuses say whether a row changed.
        const latest = row.items.at(-1)!.key === props.newest;
        const deps = [author, props.customerId, latest, ...row.items.flatMap((i) => [i.event, i.status])];
        return <Memo key={row.key} deps={deps} render={groupRender(row, author, props.customerId, latest, props.handlers)} />;
      })}
    </>
  );
}
