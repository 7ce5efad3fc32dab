// Opening the chat the way a visitor does (a click on the launcher) and timing, inside the page,
// from the pointer going down to the first frame in which the panel is usable.
import type { Locator, Page } from 'playwright';
import { launcherOf } from '../e2e/helpers';

/**
 * When the panel counts as usable (focus being inside it): `prechat` — the prechat form shows (a new
 * visitor while an agent is online); `chat` — the composer is enabled and `text` is in the list.
 *
 * @example
 * const ready: Usable = { kind: 'chat', text: 'message 10000' };
 */
export type Usable = { kind: 'prechat' } | { kind: 'chat'; text: string };

/**
 * Waits for the launcher and has Playwright put its own script into the page's main world, which it
 * does on first use (a click checks its target from there): one task of 60-75 ms CPU at 4× that is
 * Playwright's, not the widget's, and must fall outside any measured window or trace.
 *
 * @example
 * await readyToClick(page);
 * const stop = await traceTasks(cdp);
 */
export async function readyToClick(page: Page): Promise<Locator> {
  const launcher = launcherOf(page);
  await launcher.waitFor();
  await launcher.evaluate(() => {});
  return launcher;
}

/** How an opening went: `usableMs` from pointerdown; `since`, page time just before the click. */
export interface Opening {
  usableMs: number;
  /** Long tasks from here on are the opening's: Playwright's own set-up is done before it. */
  since: number;
}

/**
 * Clicks the launcher and resolves with the ms from pointerdown to the first animation frame in which
 * the panel is open with focus inside it and `usable` holds, and the page time the click began at.
 * Rejects after `timeoutMs`.
 *
 * @example
 * const { usableMs, since } = await openPanel(page, { kind: 'prechat' });
 * const tasks = await longTasks(page, since);
 */
export async function openPanel(page: Page, usable: Usable, timeoutMs = 30_000): Promise<Opening> {
  const launcher = await readyToClick(page);
  // Armed (and awaited) before the click, so pointerdown cannot happen first.
  const since = await page.evaluate(() => {
    const w = window as unknown as { __benchDown: number };
    w.__benchDown = -1;
    addEventListener('pointerdown', () => (w.__benchDown = performance.now()), { capture: true, once: true });
    return performance.now();
  });
  const timing = page.evaluate(
    ({ usable, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __benchDown: number };
        const ready = (): boolean => {
          const root = document.querySelector('chatlet-widget')?.shadowRoot;
          const panel = root?.querySelector<HTMLElement>('.panel');
          const active = root?.activeElement;
          if (!panel || panel.hidden || !active || !panel.contains(active)) return false;
          if (usable.kind === 'prechat') return !!panel.querySelector('form.survey input');
          const log = panel.querySelector('[role="log"]');
          return !!panel.querySelector('form.comp textarea:not([disabled])') && !!log && (log.textContent ?? '').includes(usable.text);
        };
        const started = performance.now();
        const check = () => {
          if (w.__benchDown >= 0 && ready()) return resolve(performance.now() - w.__benchDown);
          if (performance.now() - started > timeoutMs) return reject(new Error(`panel not usable (${JSON.stringify(usable)}) within ${timeoutMs} ms`));
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { usable, timeoutMs },
  );
  await launcher.click();
  return { usableMs: await timing, since };
}
