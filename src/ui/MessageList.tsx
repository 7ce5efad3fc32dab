import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelineItem } from '../chat/state/timeline';
import type { RichMessageButton, User } from '../protocol/types';
import { DaySeparator } from './DaySeparator';
import { dayLabel } from './format-time';
import { groupTimeline, type TimelineRow } from './group-timeline';
import { Icon } from './Icon';
import { pinWindow, revealNewer, revealOlder, windowRange, type ListWindow } from './list-window';
import { Memo } from './Memo';
import { MessageGroup } from './MessageGroup';
import { StringsContext } from './strings';
import { SystemMessage } from './SystemMessage';

// Only a window of the timeline is rendered (list-window.ts): the newest events at first, more
// (older or newer) as the visitor scrolls towards an edge, dropping as many at the far edge once it
// is full. So a 10,000-event chat opens, scrolls and grows with a DOM of a few hundred rows.
// A move of the window renders, lays out and paints a page of events. It runs in a task of its own
// after the scroll event's frame (which then only paints the scroll), one page per task while the
// visitor is within two views' height of the edge they are heading to: each task stays short, and
// the next page is usually in before the visitor gets there.
const NEAR = 48;
const FOLLOW: ListWindow = { fromKey: null, toKey: null };

type Group = Extract<TimelineRow, { kind: 'group' }>;
type Handlers = { current: { onPress: (item: TimelineItem, button: RichMessageButton) => void; onRetry: (customId: string) => void } };
type SystemEvent = Extract<TimelineItem['event'], { type: 'system_message' }>;

// What the rows' Memos render, and the callbacks a row is given, are made by these functions rather
// than in MessageList's render: a function made there holds that render's whole scope (its props, its
// timeline, and through the vnodes' parents every row it rendered), and a row that a Memo keeps lives
// on with what it was given, so each kept row held an older render's rows, which held older ones:
// scrolling 10,000 events in 100 threads grew the heap to 50 MB. Made here they hold their arguments.
const dayRender = (label: string) => () => <DaySeparator label={label} />;
const systemRender = (event: SystemEvent) => () => <SystemMessage event={event} />;
function groupRender(row: Group, author: User | null | undefined, customerId: string | undefined, latest: boolean, handlers: Handlers) {
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
 * The conversation: a `role="log"` live region grouped by day and author. It stays pinned to the
 * bottom while the visitor is there, keeps its place when history is revealed or dropped around the
 * view, offers a "new messages" jump when something arrives while scrolled up, and loads older
 * history from the server once the oldest event it holds is on screen.
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
  const [win, setWin] = useState(FOLLOW);
  const [jump, setJump] = useState(false);
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const fromBottom = useRef(0);
  // A row that stays rendered across a move of the window, and where it was in the view: the view follows it.
  const anchor = useRef<{ el: HTMLElement; top: number } | null>(null);
  const seen = useRef({ first: '', newest: '', oldest: '' });
  // Where the visitor is heading (set by their scrolling, not the list's own), and the move scheduled.
  const heading = useRef<'older' | 'newer' | null>(null);
  const lastTop = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const moved = useRef(false);
  // Kept rows call the latest handlers, not the ones of the render that made them.
  const handlers = useRef(props);
  handlers.current = props;
  const { start, end } = windowRange(win, items);
  const shown = items.slice(start, end);
  const rows = groupTimeline(shown);
  const first = shown[0]?.key ?? '';
  const newest = items.at(-1)?.key ?? '';
  const oldest = items[0]?.key ?? '';

  // Back at the newest event: the window follows arrivals again (the jump from far up starts it anew).
  const toBottom = (next: ListWindow = { fromKey: win.fromKey, toKey: null }) => {
    const el = log.current;
    if (el) lastTop.current = el.scrollTop = el.scrollHeight;
    stick.current = true;
    setJump(false);
    if (win.toKey !== null) setWin(next);
  };

  // Rows are the log's children after the optional "loading" line.
  const rowElement = (index: number) => log.current?.children[(props.loadingOlder ? 1 : 0) + index] as HTMLElement | undefined;
  // Older events may join the first group (its key is its first event's), so the view follows the row after it.
  const keptAbove = rows.findIndex((r) => r.kind === 'group') + 1;
  const move = (next: ListWindow, keep: HTMLElement | undefined) => {
    anchor.current = keep ? { el: keep, top: keep.offsetTop - log.current!.scrollTop } : null;
    moved.current = true;
    setWin(next);
  };
  // Moves the window one page towards where the visitor is heading, if the view is near that edge;
  // at the oldest event held, asks for older history instead. Runs in a task of its own. Never up
  // while the list follows the newest: the last scroll up may be long past (the visitor came back by
  // the jump button) or not the visitor's (the browser lowers scrollTop when the view grows, as when
  // the reconnecting banner goes), and older events in a full window would let the newest go.
  const grow = () => {
    pending.current = null;
    const el = log.current;
    // Hidden (no height): nothing to move towards.
    if (!el?.clientHeight) return;
    const ahead = Math.max(NEAR, 2 * el.clientHeight);
    if (heading.current === 'newer' && el.scrollHeight - el.scrollTop - el.clientHeight < ahead) {
      const newer = revealNewer(win, items);
      if (newer) move(newer, rowElement(rows.length - 1));
    } else if (heading.current === 'older' && !stick.current && el.scrollTop < ahead) {
      const older = revealOlder(win, items);
      if (older) move(older, rowElement(keptAbove));
      else if (el.scrollTop < NEAR && props.hasOlder && !props.loadingOlder) props.onLoadOlder();
    }
  };
  // The latest render's `grow`, for the task it is scheduled in.
  const grows = useRef(grow);
  grows.current = grow;
  const schedule = () => {
    pending.current ??= setTimeout(() => grows.current());
  };
  useEffect(() => () => void (pending.current !== null && clearTimeout(pending.current)), []);

  useLayoutEffect(() => {
    const el = log.current!;
    const prev = seen.current;
    const held = anchor.current;
    anchor.current = null;
    if (stick.current) el.scrollTop = el.scrollHeight;
    // Absolute, not a delta: the browser's own scroll anchoring may have moved the view already.
    else if (held?.el.isConnected) el.scrollTop = held.el.offsetTop - held.top;
    // Older events went in above only: keep the visitor's view where it was.
    else if (first !== prev.first) el.scrollTop = el.scrollHeight - fromBottom.current;
    if (!stick.current && newest !== prev.newest && prev.newest) setJump(true);
    // Older history came in while the visitor waits at the top: no scroll event will come to bring it into view.
    if (oldest !== prev.oldest && prev.oldest && heading.current === 'older') moved.current = true;
    seen.current = { first, newest, oldest };
    fromBottom.current = el.scrollHeight - el.scrollTop;
    lastTop.current = el.scrollTop;
    // Keep going while the visitor is still near the edge: one page per task.
    if (moved.current) schedule();
    moved.current = false;
    fill();
  });

  // A window that does not fill the view cannot be scrolled to its top: bring more in at once. A
  // list with no height is hidden (the panel minimized): it would walk back through the whole history.
  const fill = () => {
    const el = log.current!;
    if (el.clientHeight > 0 && el.scrollHeight - el.clientHeight < NEAR) {
      const older = revealOlder(win, items);
      if (older) setWin(older);
      else if (props.hasOlder && !props.loadingOlder) props.onLoadOlder();
    }
  };
  const fills = useRef(fill);
  fills.current = fill;
  // The view's height changes when the panel opens again after being minimized (it had none), or the
  // composer grows: the list stays at the bottom if it was there, and fills the view.
  useEffect(() => {
    const el = log.current!;
    const observer = new ResizeObserver(() => {
      // A report can still arrive once the list is unmounted (seen when a widget is destroyed).
      if (!log.current) return;
      if (stick.current) lastTop.current = el.scrollTop = el.scrollHeight;
      fills.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = log.current!;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    const nearBottom = fromBottom.current - el.clientHeight < NEAR;
    // The list's own scrolling (keeping the view in place, following the bottom) says nothing of where the visitor goes.
    if (el.scrollTop !== lastTop.current) heading.current = el.scrollTop < lastTop.current ? 'older' : 'newer';
    lastTop.current = el.scrollTop;
    if (nearBottom && !stick.current && end >= items.length) toBottom();
    // Leaving the bottom pins the window to what is shown, so arrivals do not shift the view.
    if (!nearBottom && stick.current && win.toKey === null) setWin(pinWindow(win, items));
    stick.current = nearBottom && end >= items.length;
    schedule();
  };

  const now = Date.now();
  const rendered = rows.map((row) => {
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
    const latest = row.items.at(-1)!.key === newest;
    const deps = [author, props.customerId, latest, ...row.items.flatMap((i) => [i.event, i.status])];
    return <Memo key={row.key} deps={deps} render={groupRender(row, author, props.customerId, latest, handlers)} />;
  });

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
        {rendered}
        {props.children}
      </div>
      {jump && (
        <button
          type="button"
          class="jump"
          onClick={() => toBottom(end < items.length ? FOLLOW : undefined)}
        >
          {t.newMessages}
          <Icon name="down" />
        </button>
      )}
    </div>
  );
}
