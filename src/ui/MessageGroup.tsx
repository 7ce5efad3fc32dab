import { useContext } from 'preact/hooks';
import { eventTime } from '../chat/state/event-time';
import type { TimelineItem } from '../chat/state/timeline';
import type { User } from '../protocol/types';
import { Avatar } from './Avatar';
import { EventView } from './EventView';
import { clock } from './format-time';
import type { TimelineRow } from './group-timeline';
import { Memo } from './Memo';
import { MessageStatus } from './MessageStatus';
import { Attachment } from './parts';
import type { ButtonHandler } from './RichButton';
import { Safe } from './Safe';
import { StringsContext } from './strings';
import { useLatest } from './use-latest';

type GroupProps = {
  row: Extract<TimelineRow, { kind: 'group' }>;
  author: User | null | undefined;
  customerId: string | undefined;
  latest?: boolean;
  onPress: (itemIndex: number, button: Parameters<ButtonHandler>[0]) => void;
  onRetry: (customId: string) => void;
};

// Made outside the render, as Memo.tsx asks: an item its Memo keeps holds only these arguments, and
// calls the latest group's handlers.
function itemRender(item: TimelineItem, i: number, customerId: string | undefined, stale: boolean, handlers: { readonly current: GroupProps }) {
  // A file of the visitor's that the server has not echoed yet: its preview, progress and errors.
  if (item.event.type === 'file' && item.key.startsWith('local:')) return () => <Attachment item={item} />;
  return () => (
    <div class="item">
      <Safe>
        <EventView event={item.event} customerId={customerId} onPress={(b) => handlers.current.onPress(i, b)} stale={stale} />
      </Safe>
      {item.isOwn && item.customId && <MessageStatus status={item.status} onRetry={() => handlers.current.onRetry(item.customId!)} />}
    </div>
  );
}

/**
 * A run of one author's events: the agent's avatar and name (the visitor's own runs sit on the
 * right, named for screen readers only), each event in its error boundary with its send status,
 * and the time of the last one. `latest`: its last event is the chat's newest (the others are stale).
 */
export function MessageGroup(props: GroupProps) {
  const t = useContext(StringsContext);
  const { row, author } = props;
  const handlers = useLatest(props);
  const name = row.isOwn ? t.you : String(author?.name || t.agent);
  let last: number | null = null;
  for (const item of row.items) last = eventTime(item.event) ?? last;
  return (
    <div class={row.isOwn ? 'grp own' : 'grp'}>
      {!row.isOwn && <Avatar src={author?.avatar} name={name} />}
      <div class="col">
        <span class={row.isOwn ? 'who sr' : 'who'}>{name}</span>
        {/* A burst of messages from one author lands in one group: each arrival renders only its own item. */}
        {row.items.map((item, i) => {
          const stale = !(props.latest && i == row.items.length - 1);
          return <Memo key={item.key} deps={[item.event, item.status, props.customerId, i, stale]} render={itemRender(item, i, props.customerId, stale, handlers)} />;
        })}
        {last !== null && <time class="meta">{clock(last, t)}</time>}
      </div>
    </div>
  );
}
