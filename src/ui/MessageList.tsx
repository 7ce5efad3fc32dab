import type { ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelineItem } from '../chat/selectors';
import type { RichMessageButton, User } from '../protocol/types';
import { DaySeparator } from './DaySeparator';
import { dayLabel } from './format-time';
import { groupTimeline } from './group-timeline';
import { Icon } from './Icon';
import { MessageGroup } from './MessageGroup';
import { StringsContext } from './strings';
import { SystemMessage } from './SystemMessage';

// Only the newest PAGE events are rendered at first; scrolling up reveals PAGE more at a time
// before asking the server for older threads, so a 10,000-event chat opens without a long task.
const PAGE = 60;
const NEAR = 48;

/**
 * The conversation: a `role="log"` live region grouped by day and author. It stays pinned to the
 * bottom while the visitor is there, keeps its place when older history is prepended, offers a
 * "new messages" jump when something arrives while scrolled up, and loads older history at the top.
 *
 * @example
 * <MessageList items={timeline} users={users} customerId={me} hasOlder onLoadOlder={loadOlder} onPress={press} onRetry={retry} />
 */
export function MessageList(props: {
  items: readonly TimelineItem[];
  users: Record<string, User>;
  customerId: string | undefined;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onPress: (item: TimelineItem, button: RichMessageButton) => void;
  onRetry: (customId: string) => void;
  children?: ComponentChildren;
}) {
  const t = useContext(StringsContext);
  const { items } = props;
  const [limit, setLimit] = useState(PAGE);
  const [jump, setJump] = useState(false);
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const fromBottom = useRef(0);
  const seen = useRef({ first: '', last: '' });
  const shown = items.slice(-limit);
  const first = shown[0]?.key ?? '';
  const last = shown.at(-1)?.key ?? '';

  const toBottom = () => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
    stick.current = true;
    setJump(false);
  };

  useLayoutEffect(() => {
    const el = log.current!;
    const prev = seen.current;
    if (stick.current) el.scrollTop = el.scrollHeight;
    else {
      // Older events went in above: keep the visitor's view where it was.
      if (first !== prev.first) el.scrollTop = el.scrollHeight - fromBottom.current;
      if (last !== prev.last && prev.last) setJump(true);
    }
    seen.current = { first, last };
    fromBottom.current = el.scrollHeight - el.scrollTop;
  });

  const onScroll = () => {
    const el = log.current!;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    const atBottom = fromBottom.current - el.clientHeight < NEAR;
    if (atBottom && !stick.current) toBottom();
    stick.current = atBottom;
    if (el.scrollTop < NEAR) {
      if (items.length > limit) setLimit(limit + PAGE);
      else if (props.hasOlder && !props.loadingOlder) props.onLoadOlder();
    }
  };

  const now = Date.now();
  return (
    <div class="logw">
      <div
        class="log"
        ref={log}
        role="log"
        aria-live="polite"
        aria-label={t.messages}
        tabIndex={0}
        onScroll={onScroll}
        onLoadCapture={() => stick.current && toBottom()}
      >
        {props.loadingOlder && <p class="sys">{t.loadingOlder}</p>}
        {groupTimeline(shown).map((row) =>
          row.kind === 'day' ? (
            <DaySeparator key={row.key} label={dayLabel(row.at, now, t)} />
          ) : row.kind === 'system' ? (
            <SystemMessage key={row.key} event={row.item.event as Extract<TimelineItem['event'], { type: 'system_message' }>} />
          ) : (
            <MessageGroup
              key={row.key}
              row={row}
              author={row.authorId ? props.users[row.authorId] : null}
              customerId={props.customerId}
              onPress={(i, b) => props.onPress(row.items[i]!, b)}
              onRetry={props.onRetry}
            />
          ),
        )}
        {props.children}
      </div>
      {jump && (
        <button type="button" class="jump" onClick={toBottom}>
          {t.newMessages}
          <Icon name="down" />
        </button>
      )}
    </div>
  );
}
