import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackPages, type PageSource } from '../../../src/embed/track-pages';

/** A window-like source whose listeners the test can count and fire. */
function fakeSource(withNavigation: boolean) {
  const windowTarget = new EventTarget();
  const navigation = new EventTarget();
  const source = {
    location: { href: 'https://shop.example/' },
    document: { title: 'Home' },
    navigation: withNavigation ? navigation : undefined,
    addEventListener: vi.fn(windowTarget.addEventListener.bind(windowTarget)),
    removeEventListener: vi.fn(windowTarget.removeEventListener.bind(windowTarget)),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: any) => clearTimeout(id),
  } satisfies PageSource;
  const go = (href: string, title: string, event: string) => {
    source.location.href = href;
    (withNavigation ? navigation : windowTarget).dispatchEvent(new Event(event));
    source.document.title = title;
  };
  return { source, navigation, windowTarget, go };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('trackPages', () => {
  it('reports each route change with the title the router set meanwhile (Navigation API)', () => {
    const { source, go } = fakeSource(true);
    const pages: unknown[] = [];
    trackPages((page) => pages.push(page), source);
    go('https://shop.example/cart', 'Cart', 'currententrychange');
    expect(pages).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(pages).toEqual([{ url: 'https://shop.example/cart', title: 'Cart' }]);
    expect(source.addEventListener).not.toHaveBeenCalled();
  });

  it('reports a burst of changes once, with the last page', () => {
    const { source, go } = fakeSource(true);
    const onPage = vi.fn();
    trackPages(onPage, source);
    go('https://shop.example/a', 'A', 'currententrychange');
    vi.advanceTimersByTime(50);
    go('https://shop.example/b', 'B', 'currententrychange');
    vi.advanceTimersByTime(100);
    expect(onPage.mock.calls).toEqual([[{ url: 'https://shop.example/b', title: 'B' }]]);
  });

  it('falls back to popstate and hashchange without the Navigation API', () => {
    const { source, go } = fakeSource(false);
    const onPage = vi.fn();
    trackPages(onPage, source, 0);
    go('https://shop.example/#faq', 'FAQ', 'hashchange');
    vi.runAllTimers();
    go('https://shop.example/back', 'Back', 'popstate');
    vi.runAllTimers();
    expect(onPage).toHaveBeenCalledTimes(2);
    expect(onPage).toHaveBeenLastCalledWith({ url: 'https://shop.example/back', title: 'Back' });
  });

  it('stops: removes its listeners and drops a pending report', () => {
    for (const withNavigation of [true, false]) {
      const { source, go } = fakeSource(withNavigation);
      const onPage = vi.fn();
      const stop = trackPages(onPage, source);
      go('https://shop.example/x', 'X', withNavigation ? 'currententrychange' : 'popstate');
      stop();
      vi.runAllTimers();
      go('https://shop.example/y', 'Y', withNavigation ? 'currententrychange' : 'popstate');
      vi.runAllTimers();
      expect(onPage).not.toHaveBeenCalled();
      if (!withNavigation) expect(source.removeEventListener).toHaveBeenCalledTimes(2);
    }
  });
});
