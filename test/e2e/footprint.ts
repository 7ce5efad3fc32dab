// What a widget could leave on the host page, for the tests that check it leaves nothing: globals,
// <head> content, body elements and attributes, stylesheets, live timers, and listeners on window,
// document, <html>, <body>, navigation and the visual viewport.
import type { CDPSession, Page } from 'playwright';

/**
 * Before any page script: remembers the window's own names, and counts live timers (timeouts,
 * intervals, animation frames, idle callbacks) by wrapping the timer functions.
 */
export function instrument() {
  const live = new Set<unknown>();
  const w = window as any;
  const wrap = (set: string, clear: string, once: boolean) => {
    const original = w[set].bind(window);
    const cancel = w[clear].bind(window);
    w[set] = (fn: (...a: unknown[]) => void, ...rest: unknown[]) => {
      const id = original((...a: unknown[]) => {
        if (once) live.delete(id);
        if (typeof fn == 'function') fn(...a);
      }, ...rest);
      live.add(id);
      return id;
    };
    w[clear] = (id: unknown) => {
      live.delete(id);
      cancel(id);
    };
  };
  wrap('setTimeout', 'clearTimeout', true);
  wrap('setInterval', 'clearInterval', false);
  wrap('requestAnimationFrame', 'cancelAnimationFrame', true);
  wrap('requestIdleCallback', 'cancelIdleCallback', true);
  w.footprint = { live, names: Object.getOwnPropertyNames(window) };
}

/** Everything the widget could leave on the host page. */
export async function snapshot(page: Page, cdp: CDPSession) {
  const listeners: Record<string, string[]> = {};
  for (const target of ['window', 'document', 'document.documentElement', 'document.body', 'navigation', 'visualViewport']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    listeners[target] = found.map((l) => `${l.type}${l.useCapture ? ' (capture)' : ''}`).sort();
  }
  const page_ = await page.evaluate(() => {
    const { footprint } = window as any;
    return {
      globals: Object.getOwnPropertyNames(window).filter((n) => n != 'footprint' && !footprint.names.includes(n)),
      head: document.head.innerHTML,
      body: [...document.body.children].map((e) => e.tagName.toLowerCase()),
      attributes: [document.documentElement, document.body].map((e) => e.getAttributeNames().map((n) => `${n}=${e.getAttribute(n)}`)),
      sheets: [document.styleSheets.length, document.adoptedStyleSheets.length],
      timers: footprint.live.size,
    };
  });
  return { ...page_, listeners };
}
