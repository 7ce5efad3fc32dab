// What the widget costs the page it is embedded in: the renderer's script time and long tasks
// from navigation until the page is idle (before opening), then from the click until the panel has
// settled (opening), with the bare page and LiveChat's customer SDK measured the same way.
import type { Browser } from 'playwright';
import type { BenchSite, HostPage } from './bench-site';
import { benchPage, domNodes, heapMb, longest, longTasks, medianOf, scriptMs, settle } from './measure';
import { openPanel } from './open-panel';

/** Medians over the runs of one host page; the `open…` fields are NaN for pages without a chat. */
export interface HostPageResult extends Record<string, number> {
  /** Script time from navigation until idle, ms. */
  loadScriptMs: number;
  /** Long tasks until idle, and the longest of them (ms). */
  loadLongTasks: number;
  loadLongestMs: number;
  /** JS heap after GC once idle, MB. */
  loadHeapMb: number;
  /** From pointerdown on the launcher to a usable panel, ms. */
  clickToUsableMs: number;
  /** Script time from the click until the opened panel is idle, ms. */
  openScriptMs: number;
  openLongTasks: number;
  openLongestMs: number;
  /** JS heap after GC and the widget's DOM nodes once the opened panel is idle. */
  openHeapMb: number;
  openNodes: number;
  /** The same on the next page view (a reload: warm HTTP cache, token in storage): click to usable, longest task. */
  warmClickToUsableMs: number;
  warmOpenLongestMs: number;
  /**
   * The same on the page view after that, when Chromium reads the chunk's compiled code from its code
   * cache (written during the view before: V8 caches a script on its second load, uses it from the third).
   */
  hotClickToUsableMs: number;
  hotOpenLongestMs: number;
}

// After `load`, what a page does on idle (Chatlet loads nothing then for a new visitor) has time to run.
const IDLE_AFTER_LOAD_MS = 2000;

/**
 * Loads `/<name>.html` in a fresh throttled page `runs` times and returns the medians. Only the
 * Chatlet page is opened (a new visitor, so the panel is usable once the prechat form shows), then
 * reloaded and opened again, twice.
 *
 * @example
 * const bare = await measureHostPage(browser, site, 'bare', 5);
 */
export function measureHostPage(browser: Browser, site: BenchSite, name: HostPage, runs: number): Promise<HostPageResult> {
  return medianOf(runs, async () => {
    const { page, cdp, close } = await benchPage(browser);
    try {
      await page.goto(`${site.url}/${name}.html`, { waitUntil: 'load' });
      await page.waitForTimeout(IDLE_AFTER_LOAD_MS);
      await settle(page);
      const loadScriptMs = await scriptMs(cdp);
      const loadTasks = await longTasks(page);
      const result: HostPageResult = {
        loadScriptMs,
        loadLongTasks: loadTasks.length,
        loadLongestMs: longest(loadTasks),
        loadHeapMb: await heapMb(cdp),
        clickToUsableMs: NaN,
        openScriptMs: NaN,
        openLongTasks: NaN,
        openLongestMs: NaN,
        openHeapMb: NaN,
        openNodes: NaN,
        warmClickToUsableMs: NaN,
        warmOpenLongestMs: NaN,
        hotClickToUsableMs: NaN,
        hotOpenLongestMs: NaN,
      };
      if (name !== 'chatlet') return result;
      const open = await openPanel(page, { kind: 'prechat' });
      result.clickToUsableMs = open.usableMs;
      await settle(page);
      const openTasks = await longTasks(page, open.since);
      result.openScriptMs = (await scriptMs(cdp)) - loadScriptMs;
      result.openLongTasks = openTasks.length;
      result.openLongestMs = longest(openTasks);
      result.openHeapMb = await heapMb(cdp);
      result.openNodes = (await domNodes(page)).widget;

      for (const view of ['warm', 'hot'] as const) {
        await page.reload({ waitUntil: 'load' });
        await settle(page);
        const again = await openPanel(page, { kind: 'prechat' });
        await settle(page);
        result[`${view}ClickToUsableMs`] = again.usableMs;
        result[`${view}OpenLongestMs`] = longest(await longTasks(page, again.since));
      }
      return result;
    } finally {
      await close();
    }
  });
}
