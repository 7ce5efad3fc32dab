import css from '../../styles/list.css';
import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelineItem } from '../chat/state/timeline';
import type { RichMessageButton, User } from '../protocol/types';
import { groupTimeline } from './group-timeline';
import { Icon } from './Icon';
import { MessageRows } from './MessageRows';
import { StringsContext } from './strings';
import { useLatest } from './use-latest';
import { NEAR, useListScroll } from './use-list-scroll';
import { useListWindow } from './use-list-window';
import { partStyles } from './part-styles';

partStyles(css);

/**
 * The conversation: a `role="log"` live region grouped by day and author, of which only a window is
 * rendered (use-list-window.ts), so a 10,000-event chat opens, scrolls and grows with a DOM of a few
 * hundred rows. It stays at the bottom while the visitor is there and keeps its place otherwise
 * (use-list-scroll.ts), offers a "new messages" jump when something arrives while scrolled up, and
 * asks for older history once the oldest event it holds is on screen.
 *
 * Moving the window renders, lays out and paints a page of events, so it happens in a task of its own
 * after the scroll event's frame (which then only paints the scroll), a page per task while the
 * visitor is within two views' height of the edge they are heading to: each task stays short, and
 * the next page is usually in before the visitor gets there.
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
  const log = useRef<HTMLDivElement>(null);
  const list = useListWindow(items);
  const [jump, setJump] = useState(false);
  const handlers = useLatest(props);
  const rows = groupTimeline(items.slice(list.start, list.end));
  const first = items[list.start]?.key ?? '';
  const newest = items.at(-1)?.key ?? '';
  const oldest = items[0]?.key ?? '';
  const seen = useRef({ first: '', newest: '', oldest: '' });
  // A move of the window is due (set by a move, or by older history arriving while the visitor waits at the top).
  const moved = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A window that does not fill the view cannot be scrolled to its top: bring more in at once. A
  // list with no height is hidden (the panel minimized): it would walk back through the whole history.
  const fill = () => {
    const el = log.current!;
    if (el.clientHeight > 0 && el.scrollHeight - el.clientHeight < NEAR && !list.older() && props.hasOlder && !props.loadingOlder) props.onLoadOlder();
  };
  const scroll = useListScroll(log, fill);

  // Back at the newest event: the window follows arrivals again (the jump from far up starts it anew).
  const toBottom = (fromNewest = false) => {
    scroll.toBottom();
    setJump(false);
    list.follow(fromNewest);
  };

  // Rows are the log's children after the optional "loading" line.
  const rowElement = (index: number) => log.current?.children[(props.loadingOlder ? 1 : 0) + index] as HTMLElement | undefined;
  // Moves the window a page towards where the visitor is heading, if the view is near that edge; at
  // the oldest event held, asks for older history instead. Never up while the list follows the
  // newest: the last scroll up may be long past (the visitor came back by the jump button) or not the
  // visitor's (the browser lowers scrollTop when the view grows, as when the reconnecting banner
  // goes), and older events in a full window would let the newest go.
  const grow = useLatest(() => {
    pending.current = null;
    const el = log.current;
    if (!el?.clientHeight) return;
    const ahead = Math.max(NEAR, 2 * el.clientHeight);
    const heading = scroll.heading.current;
    if (heading === 'newer' && el.scrollHeight - el.scrollTop - el.clientHeight < ahead) {
      // The last row stays where it is on screen.
      const last = rowElement(rows.length - 1);
      if (list.newer()) (scroll.keep(last), (moved.current = true));
    } else if (heading === 'older' && !scroll.stick.current && el.scrollTop < ahead) {
      // Older events may join the first group (its key is its first event's): the row after it stays.
      const kept = rowElement(rows.findIndex((r) => r.kind === 'group') + 1);
      if (list.older()) (scroll.keep(kept), (moved.current = true));
      else if (el.scrollTop < NEAR && props.hasOlder && !props.loadingOlder) props.onLoadOlder();
    }
  });
  const schedule = () => void (pending.current ??= setTimeout(() => grow.current()));
  useEffect(() => () => void (pending.current !== null && clearTimeout(pending.current)), []);

  useLayoutEffect(() => {
    const prev = seen.current;
    scroll.place(first !== prev.first);
    if (!scroll.stick.current && newest !== prev.newest && prev.newest) setJump(true);
    // Older history came in while the visitor waits at the top: no scroll event will come to bring it into view.
    if (oldest !== prev.oldest && prev.oldest && scroll.heading.current === 'older') moved.current = true;
    seen.current = { first, newest, oldest };
    // Keep going while the visitor is still near the edge: one page per task.
    if (moved.current) schedule();
    moved.current = false;
    fill();
  });

  const onScroll = () => {
    const atBottom = scroll.scrolled();
    const atNewest = list.end >= items.length;
    if (atBottom && !scroll.stick.current && atNewest) toBottom();
    // Leaving the bottom pins the window to what is shown, so arrivals do not shift the view.
    if (!atBottom && scroll.stick.current && list.following) list.pin();
    scroll.stick.current = atBottom && atNewest;
    schedule();
  };

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
        onLoadCapture={() => scroll.stick.current && toBottom()}
      >
        {props.loadingOlder && <p class="sys">{t.loadingOlder}</p>}
        <MessageRows rows={rows} users={props.users} customerId={props.customerId} newest={newest} handlers={handlers} />
        {props.children}
      </div>
      {jump && (
        <button type="button" class="jump" onClick={() => toBottom(list.end < items.length)}>
          {t.newMessages}
          <Icon name="down" />
        </button>
      )}
    </div>
  );
}
