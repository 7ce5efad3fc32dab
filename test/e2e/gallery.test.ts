// The UI gallery in a real browser: every scene renders under the gallery's strict CSP with no
// error, no CSP violation and no inline style, and is screenshotted to test-results/gallery/
// (artifacts to look at, not committed).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
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
