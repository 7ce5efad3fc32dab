// The UI gallery in a real browser: every scene renders under the gallery's strict CSP with no
// error, no CSP violation and no inline style, and is screenshotted to test-results/gallery/
// (artifacts to look at, not committed). The right-to-left scene is also measured: the widget mirrors
// in a right-to-left page, and text keeps its own direction in a page of the other one.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenes } from '../../demo/gallery/scenes';
import { launchBrowser, startStaticServer, type StaticServer } from './helpers';

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const shots = join(repo, 'test-results/gallery');

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  execFileSync(process.execPath, [join(repo, 'demo/gallery/build.mjs')], { stdio: 'inherit' });
  mkdirSync(shots, { recursive: true });
  [browser, server] = await Promise.all([
    launchBrowser(),
    // The fixtures refer to their images by absolute path.
    startStaticServer({ mounts: { '/gallery/': join(repo, 'demo/gallery/dist'), '/img/': join(repo, 'demo/gallery/dist/img') } }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('UI gallery', () => {
  it.each(scenes.map((s) => [s.name, s] as const))('renders the %s scene cleanly', async (name, scene) => {
    const page = await browser.newPage({ viewport: { width: scene.width ?? 500, height: scene.height ?? 820 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    try {
      await page.goto(`${server.url}/gallery/index.html?scene=${name}`);
      // The scene's widget root lives in an open shadow root; locators pierce it.
      await page.locator('.root').first().waitFor({ state: 'attached' });
      if (scene.visibility === 'maximized') await page.locator('[role=log], form, .panel').first().waitFor();
      const inline = await page.evaluate(() => {
        const hosts = [...document.querySelectorAll('*')].filter((e) => e.shadowRoot);
        return hosts.flatMap((h) => [...h.shadowRoot!.querySelectorAll('[style]')].map((e) => e.tagName));
      });
      expect(inline).toEqual([]);
      await page.screenshot({ path: join(shots, `${name}.png`) });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** Where a bubble's first and last characters are drawn, and the bubble itself (its `.grp` row). */
function letters(page: Page, text: string) {
  return page.evaluate((text) => {
    const root = document.querySelector('chatlet-widget')!.shadowRoot!;
    const bubble = [...root.querySelectorAll('.bub')].find((b) => b.textContent === text)!;
    const node = bubble.firstChild!;
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return { first: at(0), last: at(text.length - 1), row: bubble.closest('.grp')!.getBoundingClientRect().left };
  }, text);
}

describe('text direction', () => {
  const hebrew = 'שלום יאן! איך אפשר לעזור היום?';
  const english = 'Order #4521, May invoice!';
  /** The rtl scene in a page of direction `dir`: both messages' letters, and the page to look further. */
  const inPage = async (dir: 'rtl' | 'ltr', more: (page: Page) => Promise<void> = async () => {}) => {
    const page = await browser.newPage({ viewport: { width: 500, height: 820 } });
    try {
      await page.goto(`${server.url}/gallery/index.html?scene=rtl`);
      // The list's rows: the message list is a part that loads after the panel.
      await page.locator('[role=log] .item').first().waitFor();
      if (dir === 'ltr') await page.evaluate(() => (document.documentElement.dir = 'ltr'));
      const seen = { own: await letters(page, english), theirs: await letters(page, hebrew) };
      await more(page);
      return seen;
    } finally {
      await page.close();
    }
  };

  it('mirrors the panel in a right-to-left page, and an English line there reads left to right', async () => {
    const { own, theirs } = await inPage('rtl', async (page) => {
      const box = (selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().left);
      expect(await box('.send')).toBeLessThan(await box('.row textarea'));
      expect(await box('.nav.next')).toBeLessThan(await box('.nav.prev'));
      // "Next" scrolls the cards towards the row's end, which is the left (scrollLeft runs negative).
      await page.locator('.nav.next').first().click();
      await page.waitForFunction(() => document.querySelector('chatlet-widget')!.shadowRoot!.querySelector('.car ul')!.scrollLeft < -50);
    });
    // The visitor's messages sit at the line's end: the left, in a right-to-left page.
    expect(own.row).toBeLessThan(theirs.row);
    // Each paragraph takes its direction from its first letter: the English starts at its left...
    expect(own.first).toBeLessThan(own.last);
    // ...and the Hebrew at its right, its question mark at its left end.
    expect(theirs.first).toBeGreaterThan(theirs.last);
  });

  it('reads Hebrew right to left in a left-to-right page', async () => {
    const { own, theirs } = await inPage('ltr');
    expect(own.row).toBeGreaterThan(theirs.row);
    expect(own.first).toBeLessThan(own.last);
    // Without the paragraph's own direction the question mark would follow the Hebrew on the right.
    expect(theirs.first).toBeGreaterThan(theirs.last);
  });
});
