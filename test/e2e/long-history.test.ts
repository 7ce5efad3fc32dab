// A long chat in real Chromium: the message list renders a window of it, and scrolling up to the
// oldest event and back keeps what the visitor looks at in place (layout, and the browser's own
// scroll anchoring, are real here, unlike in the unit tests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seedChat } from '../bench/seed-chat';
import { DETACHED_LIMIT, detachedDivs, openSeededChat, startHistorySite, type HistorySite } from './history-site';
import { WINDOW } from '../../src/ui/list-window';

let env: HistorySite;
beforeAll(async () => void (env = await startHistorySite()));
afterAll(() => env?.close());

/** Scrolls the list to `top`; returns where the first event on screen was, and is a frame later. */
function scrollKeepsPlace(page: Page, top: number) {
  return page.evaluate(
    (top) =>
      new Promise<{ text: string; before: number; after: number; items: number }>((resolve) => {
        const root = document.querySelector('chatlet-widget')!.shadowRoot!;
        const log = root.querySelector<HTMLElement>('[role="log"]')!;
        log.scrollTop = top;
        const view = () => log.getBoundingClientRect().top;
        const first = [...root.querySelectorAll<HTMLElement>('.item')].find((i) => i.getBoundingClientRect().bottom > view() + 5)!;
        const text = first.textContent!.split(':')[0]!;
        const before = first.getBoundingClientRect().top - view();
        requestAnimationFrame(() =>
          setTimeout(() => {
            const items = [...root.querySelectorAll<HTMLElement>('.item')];
            const same = items.find((i) => i.textContent!.startsWith(`${text}:`) || i.textContent === text)!;
            resolve({ text, before, after: same.getBoundingClientRect().top - view(), items: items.length });
          }),
        );
      }),
    top,
  );
}

describe('a chat of 400 events', () => {
  it('scrolls to the oldest event and back with a window of at most WINDOW events, the view staying put', async () => {
    const chat = await seedChat(env.server, 400);
    const { context, page, log } = await openSeededChat(env, chat);

    let oldestShown = false;
    // Near the top but not at 0, where Chromium's own scroll anchoring also acts.
    for (let step = 0; step < 60 && !oldestShown; step++) {
      const moved = await scrollKeepsPlace(page, [0, 12, 30, 47][step % 4]!);
      expect(Math.abs(moved.after - moved.before), `${moved.text} moved`).toBeLessThanOrEqual(2);
      expect(moved.items).toBeLessThanOrEqual(WINDOW);
      oldestShown = (await log.textContent())!.includes(chat.oldest);
    }
    expect(oldestShown).toBe(true);

    const toBottom = async () => {
      await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    };
    for (let step = 0; step < 60 && !(await log.textContent())!.includes(chat.newest); step++) {
      await toBottom();
      expect(await log.locator('.item').count()).toBeLessThanOrEqual(WINDOW);
    }
    expect(await log.textContent()).toContain(chat.newest);
    // The last page came in below the view, which stayed put: the visitor scrolls down once more.
    await toBottom();
    // The rows dropped on the way were let go, not the ~1,000 divs of every row rendered (a cached
    // vnode once kept each earlier render's rows reachable).
    const divs = await detachedDivs(page);
    expect(divs, 'detached div elements after scrolling 400 events up and back').toBeLessThan(DETACHED_LIMIT);

    // Back at the bottom, the list follows what arrives again.
    env.agent.send(chat.chatId, 'and one more thing');
    await log.getByText('and one more thing').waitFor();
    expect(await log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    await context.close();
  });
});

describe('a chat at its newest message', () => {
  it('stays there while the composer grows with what the visitor types', async () => {
    const { context, widget, log } = await openSeededChat(env, await seedChat(env.server, 60));
    const before = await log.evaluate((el) => el.clientHeight);
    const composer = widget.locator('textarea');
    await composer.fill('one\ntwo\nthree\nfour');
    await expect.poll(() => log.evaluate((el) => el.clientHeight)).toBeLessThan(before - 40);
    await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    await context.close();
  });
});
