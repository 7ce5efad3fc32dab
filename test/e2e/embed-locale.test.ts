// The widget in the visitor's language, through the script tag in Chromium against the sandbox: the
// page's <html lang> (or data-locale) picks the locale; only its chunk is requested, together with the
// chat; the eager launcher, the prechat form and the panel speak it; Arabic turns the panel right to
// left; `strings` still overrides a key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { loginAgent } from '../sandbox/agent-helpers';
import type { TestClient } from '../sandbox/helpers';
import { launchBrowser, removeDir, sandbox, startStaticServer, type StaticServer } from './helpers';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;
let agent: TestClient;
let pages: string;

// Host pages: each in a language, with the script tag and further `data-*` attributes.
const PAGES: Record<string, [lang: string, attributes?: string]> = {
  de: ['de'],
  'de-open': ['de', 'data-visibility="maximized"'],
  ar: ['ar'],
  'de-fr': ['de', `data-locale="fr" data-strings='{"startChat":"C’est parti"}'`],
  'en-GB': ['en-GB'],
  fi: ['fi'],
};

beforeAll(async () => {
  server = await sandbox();
  // An agent online: the group shows its prechat form.
  agent = (await loginAgent(server)).client;
  pages = mkdtempSync(join(tmpdir(), 'chatlet-locale-'));
  for (const [name, [lang, attributes = '']] of Object.entries(PAGES)) {
    const html =
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>` +
      `<script async src="/dist/chatlet.js" data-license-id="12345" data-api-url="${server.wsUrl}" data-accounts-url="${server.url}" ${attributes}></script></body></html>`;
    writeFileSync(join(pages, `${name}.html`), html);
  }
  site = await startStaticServer({ mounts: { '/shop/': pages } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await agent?.close();
  await browser?.close();
  await site?.close();
  await server?.close();
  if (pages) removeDir(pages);
});

/** One of the PAGES; what it requests of dist/ is noted. */
async function open(name: keyof typeof PAGES) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const requested: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/dist/')) requested.push(pathname.slice(6));
  });
  await page.goto(`${site.url}/shop/${name}.html`);
  const locales = () => requested.filter((f) => f.startsWith('chatlet-locale-'));
  return { page, errors, requested, locales };
}

const launcher = (page: Page) => page.locator('chatlet-widget button').first();
const panel = (page: Page) => page.locator('chatlet-widget .panel');

describe('the widget’s language', () => {
  it('<html lang="de">: the launcher and the prechat form in German, from the de chunk alone', async () => {
    const { page, errors, requested, locales } = await open('de');
    // The eager launcher's label comes on idle, with the chunk, before any intent.
    await page.locator('chatlet-widget button[aria-label="Chat öffnen"]').waitFor();
    expect(requested).not.toContain('chatlet-embed.mjs');
    expect(locales()).toEqual(['chatlet-locale-de.mjs']);

    await launcher(page).click();
    await panel(page).waitFor({ state: 'visible' });
    const form = page.locator('chatlet-widget form.survey');
    await expect.poll(() => form.locator('button[type=submit]').textContent()).toBe('Chat starten');
    expect(await form.textContent()).toContain('(Pflichtfeld)');
    expect(await page.locator('chatlet-widget button.launch .lbl').textContent()).toBe('Chatten Sie mit uns');
    expect(await page.locator('chatlet-widget button.launch').getAttribute('aria-label')).toBe('Chat minimieren');
    expect(await page.locator('chatlet-widget').evaluate((host: HTMLElement) => [host.lang, host.dir])).toEqual(['de', 'ltr']);
    // Only the German chunk, fetched once, of all the locales.
    expect(locales()).toEqual(['chatlet-locale-de.mjs']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('requests the locale together with the chat on intent, not after it', async () => {
    const { page, requested } = await open('de-open');
    await panel(page).waitFor({ state: 'visible' });
    // Opened at once (no idle first): both imports start in the same task, the locale's first.
    expect(requested.slice(0, 3)).toEqual(['chatlet.js', 'chatlet-locale-de.mjs', 'chatlet-embed.mjs']);
    const timing = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, { start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd }])),
    );
    // The locale does not wait for the chat: its request starts before the chat's file has arrived.
    expect(timing['/dist/chatlet-locale-de.mjs']!.start).toBeLessThan(timing['/dist/chatlet-embed.mjs']!.end);
    await page.close();
  });

  it('<html lang="ar">: a right-to-left panel in Arabic', async () => {
    const { page, errors, locales } = await open('ar');
    await launcher(page).click();
    await panel(page).waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('chatlet-widget form.survey').textContent()).toContain('(مطلوب)');
    expect(await page.locator('chatlet-widget button.launch').getAttribute('aria-label')).toBe('تصغير المحادثة');
    expect(await panel(page).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('chatlet-widget form.survey button[type=submit]').textContent()).toBe('بدء المحادثة');
    expect(locales()).toEqual(['chatlet-locale-ar.mjs']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('data-locale beats <html lang>, and `strings` overrides one key over the locale', async () => {
    const { page, errors, locales } = await open('de-fr');
    await page.locator('chatlet-widget button[aria-label="Ouvrir le chat"]').waitFor();
    await launcher(page).click();
    await panel(page).waitFor({ state: 'visible' });
    const form = page.locator('chatlet-widget form.survey');
    await expect.poll(() => form.locator('button[type=submit]').textContent()).toBe('C’est parti');
    expect(await page.locator('chatlet-widget button.launch .lbl').textContent()).toBe('Discutez avec nous');
    expect(await form.textContent()).toContain('(obligatoire)');
    expect(locales()).toEqual(['chatlet-locale-fr.mjs']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an English page, or one in a language not shipped, requests no locale', async () => {
    for (const lang of ['en-GB', 'fi']) {
      const { page, errors, requested, locales } = await open(lang);
      await launcher(page).click();
      await panel(page).waitFor({ state: 'visible' });
      await expect.poll(() => page.locator('chatlet-widget form.survey button[type=submit]').textContent()).toBe('Start the chat');
      expect(requested).toContain('chatlet-embed.mjs');
      expect(locales(), lang).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
