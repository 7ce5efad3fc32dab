import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineItem } from '../../../src/chat/state/timeline';
import type { ChatEvent, User } from '../../../src/protocol/types';
import { NEWEST, PAGE, WINDOW } from '../../../src/ui/list-window';
import { MessageList } from '../../../src/ui/MessageList';
import { all, cleanup, click, mount } from './render';
import { loadParts } from '../../../src/ui/parts';

// The parts that load later (rich messages, files, the list…) are here before any test renders.
beforeAll(() => loadParts());

// happy-dom has no layout: give the log a fake one (100 px per row, 300 px tall, clamped scrollTop,
// and each element's offsetTop from the rows before it). A view of 0 is a hidden list: no layout at all.
const ROW = 100;
const VIEW = 300;
let view = VIEW;
const UNIT = '.item, .day, .sys';
const tops = new WeakMap<Element, number>();
const height = (el: Element) => (view ? el.querySelectorAll(UNIT).length * ROW : 0);
const offsetTop = (el: Element) => {
  const log = el.closest('[role=log]');
  const unit = el.matches(UNIT) ? el : el.querySelector(UNIT);
  return log && unit ? [...log.querySelectorAll(UNIT)].indexOf(unit) * ROW : 0;
};
const saved: [string, PropertyDescriptor | undefined][] = [];
beforeAll(() => {
  const proto = HTMLElement.prototype;
  const define = (name: string, d: PropertyDescriptor) => {
    saved.push([name, Object.getOwnPropertyDescriptor(proto, name)]);
    Object.defineProperty(proto, name, { configurable: true, ...d });
  };
  define('scrollHeight', { get(this: Element) { return height(this); } });
  define('clientHeight', { get() { return view; } });
  define('offsetTop', { get(this: Element) { return offsetTop(this); } });
  define('scrollTop', {
    get(this: Element) { return tops.get(this) ?? 0; },
    set(this: Element, v: number) { tops.set(this, Math.max(0, Math.min(v, height(this) - view))); },
  });
});
afterAll(() => {
  for (const [name, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, name, d);
  else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
});
// happy-dom's ResizeObserver never reports: tests tell the lists' observers when the view resized.
const observers = new Set<() => void>();
const resized = () => act(() => observers.forEach((report) => report()));
class FakeResizeObserver {
  constructor(private readonly report: () => void) {}
  observe() {
    observers.add(this.report);
  }
  disconnect() {
    observers.delete(this.report);
  }
}
// The list moves its window in tasks of its own (setTimeout): tests run them when they choose.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  view = VIEW;
});
/** Runs the list's scheduled moves, and those they schedule, until none is left. */
const runMoves = () => {
  for (let i = 0; i < 100 && vi.getTimerCount() > 0; i++) act(() => void vi.runOnlyPendingTimers());
};

const ME = 'me';
const users: Record<string, User> = { a: { id: 'a', type: 'agent', name: 'Ann', avatar: 'https://x.io/a.png' } };
const base = Date.UTC(2024, 0, 10, 12);
const item = (n: number, author = n % 3 === 0 ? ME : 'a', at = base + n * 60_000): TimelineItem => {
  const event: ChatEvent = { id: `e${n}`, type: 'message', text: `message ${n}`, author_id: author, created_at: new Date(at).toISOString() };
  return { key: event.id, event, threadId: 't', status: 'sent', authorId: author, isOwn: author === ME, customId: null };
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => item(from + i));

function list(items: TimelineItem[], extra: { hasOlder?: boolean } = {}) {
  const props = {
    users,
    customerId: ME,
    hasOlder: false,
    loadingOlder: false,
    onLoadOlder: vi.fn(),
    onPress: vi.fn(),
    onRetry: vi.fn(),
    ...extra,
  };
  const r = mount(<MessageList items={items} {...props} />);
  const log = r.root.querySelector<HTMLElement>('[role=log]')!;
  const scrollTo = (top: number) => {
    act(() => {
      log.scrollTop = top;
      log.dispatchEvent(new Event('scroll'));
    });
    runMoves();
  };
  const update = (next: TimelineItem[], more: Partial<typeof props> = {}) => r.rerender(<MessageList items={next} {...props} {...more} />);
  return { ...r, log, props, scrollTo, update };
}

describe('MessageList', () => {
  it('is a labelled, focusable polite log', () => {
    const { log } = list(range(1, 4));
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.getAttribute('aria-label')).toBe('Messages');
    expect(log.getAttribute('tabindex')).toBe('0');
  });

  it('groups runs of one author with one avatar, and separates days', () => {
    const items = [item(1, 'a'), item(2, 'a'), item(3, ME), item(4, ME), item(5, 'a', base + 2 * 86_400_000)];
    const { root } = list(items);
    const groups = all(root, '.grp');
    expect(groups.map((g) => g.querySelectorAll('.item').length)).toEqual([2, 2, 1]);
    expect(groups.map((g) => g.classList.contains('own'))).toEqual([false, true, false]);
    expect(groups[0]?.querySelectorAll('.av')).toHaveLength(1);
    expect(groups[0]?.querySelector('.who')?.textContent).toBe('Ann');
    expect(groups[1]?.querySelector('.who.sr')?.textContent).toBe('You');
    expect(all(root, '.day')).toHaveLength(2);
  });

  it("offers quick replies only while they are the chat's newest event", () => {
    const question: ChatEvent = {
      id: 'q',
      type: 'rich_message',
      template_id: 'quick_replies',
      author_id: 'a',
      created_at: new Date(base + 10 * 60_000).toISOString(),
      elements: [{ title: 'Which plan?', buttons: [{ text: 'Basic', type: 'message', postback_id: 'basic', user_ids: [] }] }],
    } as ChatEvent;
    const asked: TimelineItem = { key: 'q', event: question, threadId: 't', status: 'sent', authorId: 'a', isOwn: false, customId: null };
    const { root, update } = list([...range(1, 3), asked]);
    expect(all(root, '.pills button').map((b) => b.textContent)).toEqual(['Basic']);
    update([...range(1, 3), asked, item(11, 'a', base + 11 * 60_000)]);
    expect(all(root, '.pills button')).toHaveLength(0);
    expect(root.textContent).toContain('Which plan?');
  });

  it('starts a new group after a five-minute pause', () => {
    const { root } = list([item(1, 'a', base), item(2, 'a', base + 6 * 60_000)]);
    expect(all(root, '.grp')).toHaveLength(2);
  });

  it('stays pinned to the bottom as messages arrive', () => {
    const { log, update } = list(range(1, 6));
    expect(log.scrollTop).toBe(log.scrollHeight - VIEW);
    update(range(1, 8));
    expect(log.scrollTop).toBe(log.scrollHeight - VIEW);
  });

  it('still follows arrivals after its view grew back (the browser lowering scrollTop is not the visitor)', () => {
    // A tall view, so the whole window is within two views of the top, as a short window is.
    view = 1_200;
    const { root, log, update } = list(range(0, 20), { hasOlder: true });
    let n = 20;
    for (; all(root, '.item').length < WINDOW; n++) update(range(0, n + 1));
    expect(log.scrollTop).toBe(log.scrollHeight - view);
    // A banner shows and goes: the view loses 40 px, the list stays at the bottom, the view gets them back.
    view -= 40;
    resized();
    expect(log.scrollTop).toBe(log.scrollHeight - view);
    view += 40;
    act(() => {
      log.scrollTop = log.scrollTop; // clamped to the new bottom, as Chromium does, with a scroll event
      log.dispatchEvent(new Event('scroll'));
    });
    resized();
    runMoves();
    update(range(0, n + 1));
    runMoves();
    expect(all(root, '.item').at(-1)?.textContent).toContain(`message ${n}`);
    expect(root.querySelector('button.jump')).toBeNull();
  });

  it('back at the bottom by its jump button, it follows arrivals however it was scrolled before', () => {
    view = 1_200;
    const { root, log, update, scrollTo } = list(range(0, 20), { hasOlder: true });
    let n = 20;
    for (; all(root, '.item').length < WINDOW; n++) update(range(0, n + 1));
    scrollTo(log.scrollTop - 200);
    update(range(0, ++n));
    click(root.querySelector('button.jump'));
    for (const stop = n + PAGE * 2; n < stop; ) {
      update(range(0, ++n));
      // The scroll event of the list's own move to the bottom, as the browser sends it.
      act(() => void log.dispatchEvent(new Event('scroll')));
      runMoves();
    }
    expect(all(root, '.item').at(-1)?.textContent).toContain(`message ${n - 1}`);
    expect(root.querySelector('button.jump')).toBeNull();
  });

  it('keeps the view while scrolled up and offers a jump to new messages', () => {
    const { root, log, update, scrollTo } = list(range(1, 10));
    scrollTo(300);
    update(range(1, 12));
    expect(log.scrollTop).toBe(300);
    const jump = root.querySelector('button.jump');
    expect(jump?.textContent).toBe('New messages');
    click(jump);
    expect(log.scrollTop).toBe(log.scrollHeight - VIEW);
    expect(root.querySelector('button.jump')).toBeNull();
  });

  it('keeps its place when older history is prepended', () => {
    const { log, update, scrollTo } = list(range(10, 20));
    scrollTo(400);
    const fromBottom = log.scrollHeight - log.scrollTop;
    update(range(5, 20));
    expect(log.scrollHeight - log.scrollTop).toBe(fromBottom);
  });

  it('renders a window of the newest events and widens it before loading older history', () => {
    const items = range(0, WINDOW + NEWEST);
    const { root, scrollTo, props, update } = list(items, { hasOlder: true });
    expect(all(root, '.item')).toHaveLength(NEWEST);
    expect(root.textContent).toContain(`message ${WINDOW + NEWEST - 1}`);
    scrollTo(0);
    expect(all(root, '.item').length).toBeGreaterThan(NEWEST);
    expect(props.onLoadOlder).not.toHaveBeenCalled();
    for (let i = 0; i < WINDOW / PAGE && !root.textContent!.includes('message 0'); i++) scrollTo(0);
    // At most WINDOW rendered: the oldest are in, the newest dropped.
    expect(all(root, '.item')).toHaveLength(WINDOW);
    expect(root.textContent).toContain('message 0');
    expect(root.textContent).not.toContain(`message ${WINDOW + NEWEST - 1}`);
    expect(props.onLoadOlder).not.toHaveBeenCalled();
    scrollTo(0);
    expect(props.onLoadOlder).toHaveBeenCalledOnce();
    update(items, { loadingOlder: true });
    expect(root.textContent).toContain('Loading earlier messages…');
    scrollTo(0);
    expect(props.onLoadOlder).toHaveBeenCalledOnce();
  });

  it('brings older history into view when it arrives while the visitor waits at the top', () => {
    const items = range(100, 100 + WINDOW);
    const { root, scrollTo, update } = list(items, { hasOlder: true });
    for (let i = 0; i < WINDOW / PAGE && !root.textContent!.includes('message 100'); i++) scrollTo(0);
    scrollTo(0);
    update(items, { loadingOlder: true });
    // The answer comes in; the visitor does not scroll again (setting scrollTop to 0 again fires nothing).
    update(range(0, 100 + WINDOW), { loadingOlder: false });
    runMoves();
    expect(root.textContent).toContain('message 99');
  });

  it('loads older history at once when what it holds does not fill the view (nothing to scroll)', () => {
    const short = list(range(0, 2), { hasOlder: true });
    expect(short.props.onLoadOlder).toHaveBeenCalledOnce();
    cleanup();
    const complete = list(range(0, 2));
    expect(complete.props.onLoadOlder).not.toHaveBeenCalled();
  });

  it('hidden (the panel minimized, no height), it neither reveals older events nor loads older history', () => {
    view = 0;
    const { root, props, update } = list(range(0, 2), { hasOlder: true });
    update(range(0, 100));
    runMoves();
    expect(props.onLoadOlder).not.toHaveBeenCalled();
    expect(all(root, '.item').at(-1)?.textContent).toContain('message 99');
    expect(all(root, '.item')).toHaveLength(NEWEST);
    expect(observers.size).toBe(1);
  });

  it('shown again, it fills the view and stays at the bottom', () => {
    view = 0;
    const { props, update } = list(range(0, 1), { hasOlder: true });
    update(range(0, 2));
    expect(props.onLoadOlder).not.toHaveBeenCalled();
    view = VIEW;
    resized();
    expect(props.onLoadOlder).toHaveBeenCalledOnce();
    const [late] = observers;
    cleanup();
    expect(observers.size).toBe(0);
    // Chromium may still deliver a report gathered before the list was unmounted.
    expect(() => act(() => late!())).not.toThrow();
    // Taller content, or a shorter view (the composer grew): still at the bottom.
    const full = list(range(0, 20));
    view = VIEW - ROW;
    resized();
    expect(full.log.scrollTop).toBe(full.log.scrollHeight - view);
  });

  it('renders 10,000 events by rendering only the newest window', () => {
    const { root } = list(range(0, 10_000));
    expect(all(root, '.item')).toHaveLength(NEWEST);
  });

  it('scrolls through a long chat to the oldest event and back with at most WINDOW rendered', () => {
    const { root, log, scrollTo } = list(range(0, 500));
    const counts: number[] = [];
    for (let i = 0; i < 100 && all(root, '.item')[0]?.textContent !== 'message 0'; i++) {
      scrollTo(0);
      counts.push(all(root, '.item').length);
    }
    expect(all(root, '.item')[0]?.textContent).toBe('message 0');
    expect(Math.max(...counts)).toBe(WINDOW);
    for (let i = 0; i < 100 && all(root, '.item').at(-1)?.textContent !== 'message 499'; i++) {
      scrollTo(log.scrollHeight);
      expect(all(root, '.item').length).toBeLessThanOrEqual(WINDOW);
    }
    expect(all(root, '.item').at(-1)?.textContent).toBe('message 499');
    expect(root.querySelector('button.jump')).toBeNull();
    // happy-dom renders slowly: this takes ~40 moves of the window.
  }, 20_000);

  it('keeps the rows on screen in place when the window moves up or down', () => {
    const { root, log, scrollTo } = list(range(0, 1000));
    const texts = () => all(root, '.item').map((e) => e.textContent);
    // Scrolls to `top`, where `pick` is on screen; the scroll moves the window, and `pick`'s event stays put.
    const items = () => all(root, '.item') as HTMLElement[];
    const keepsPlace = (top: number, pick: (items: HTMLElement[]) => HTMLElement) => {
      act(() => void (log.scrollTop = top));
      const el = pick(items());
      const [text, before, shown] = [el.textContent, el.offsetTop - log.scrollTop, texts()];
      scrollTo(top);
      expect(texts()).not.toEqual(shown);
      const same = items().find((e) => e.textContent === text)!;
      expect(same.offsetTop - log.scrollTop).toBe(before);
    };
    // The window fills, then each scroll to the top brings older events in and drops the newest.
    for (let n = 1; n < WINDOW / PAGE; n++) scrollTo(0);
    for (let i = 0; i < 3; i++) keepsPlace(0, (items) => items[0]!);
    expect(all(root, '.item')).toHaveLength(WINDOW);
    for (let i = 0; i < 3; i++) keepsPlace(log.scrollHeight - VIEW, (items) => items.at(-1)!);
    expect(all(root, '.item')).toHaveLength(WINDOW);
  });

  it('keeps the first row through arrivals at the bottom, rebuilding it once per NEWEST events', () => {
    const base = 5 * NEWEST;
    const { root, update } = list(range(0, base));
    const firsts = new Set<Element>();
    for (let n = base + 1; n < base + 2 * NEWEST; n++) {
      update(range(0, n));
      firsts.add(root.querySelector('.grp')!);
      expect(all(root, '.item').length).toBeLessThan(2 * NEWEST);
    }
    expect(firsts.size).toBe(2);
    expect(all(root, '.item').at(-1)?.textContent).toBe(`message ${base - 2 + 2 * NEWEST}`);
  });

  it('holds the view while scrolled up as events arrive, then jumps to the newest', () => {
    const { root, log, update, scrollTo } = list(range(0, 500));
    scrollTo(0);
    scrollTo(0);
    scrollTo(0);
    const top = log.scrollTop;
    const firstShown = all(root, '.item')[0]?.textContent;
    update(range(0, 520));
    expect(log.scrollTop).toBe(top);
    expect(all(root, '.item')[0]?.textContent).toBe(firstShown);
    expect(root.textContent).not.toContain('message 519');
    click(root.querySelector('button.jump'));
    // The newest, from a NEWEST boundary.
    expect(all(root, '.item')).toHaveLength(520 - (520 - NEWEST - ((520 - NEWEST) % NEWEST)));
    expect(all(root, '.item').at(-1)?.textContent).toBe('message 519');
    expect(log.scrollTop).toBe(log.scrollHeight - VIEW);
    update(range(0, 521));
    expect(all(root, '.item').at(-1)?.textContent).toBe('message 520');
    expect(log.scrollTop).toBe(log.scrollHeight - VIEW);
  });

  it('moves its window after the scroll, a page per task, until two views of events are in ahead of the visitor', () => {
    view = 5 * ROW;
    const { root, log } = list(range(0, 200));
    const texts = () => all(root, '.item').map((e) => e.textContent);
    // The newest events and their day heading fill this view.
    expect(texts()).toHaveLength(NEWEST);
    act(() => {
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
    });
    expect(texts()).toHaveLength(NEWEST);
    act(() => void vi.runOnlyPendingTimers());
    expect(texts()).toHaveLength(NEWEST + PAGE);
    expect(log.scrollTop).toBe(PAGE * ROW);
    act(() => void vi.runOnlyPendingTimers());
    expect(texts()).toHaveLength(NEWEST + 2 * PAGE);
    runMoves();
    expect(texts()).toHaveLength(NEWEST + 2 * PAGE);
    expect(log.scrollTop).toBe(2 * view);
    // The browser reports the list's own scrolling too: that does not turn the window around.
    const shown = texts();
    act(() => void log.dispatchEvent(new Event('scroll')));
    runMoves();
    expect(texts()).toEqual(shown);
  });

  it('stops moving its window when it is unmounted', () => {
    const { log, unmount } = list(range(0, 200));
    act(() => {
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
    });
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
