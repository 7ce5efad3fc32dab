// The npm package, bundled into an SPA: create → destroy → create, destroy while loading, two
// isolated instances, and a chat inline in an element.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { bundleApp, launchBrowser, recordSockets, removeDir, sandbox, startStaticServer, type StaticServer } from './helpers';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;
let bundle: string;

beforeAll(async () => {
  server = await sandbox();
  bundle = await bundleApp('test/e2e/pages/npm-app.js');
  site = await startStaticServer({ mounts: { '/npm/': bundle } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  if (bundle) removeDir(bundle);
});

async function open() {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const sockets = recordSockets(page);
  await page.goto(site.url + '/npm.html');
  await page.waitForFunction(() => 'harness' in window);
  return { page, errors, sockets };
}

const config = (extra: object = {}) => ({ licenseId: 12345, apiUrl: server.wsUrl, accountsUrl: server.url, ...extra });
const create = (page: Page, extra: object = {}) => page.evaluate((c) => (window as any).harness.create(c), config(extra));
const call = (page: Page, index: number, method: string, ...args: unknown[]) =>
  page.evaluate(([i, m, a]) => (window as any).harness.call(i, m, ...(a as unknown[])), [index, method, args] as const);
const hosts = (page: Page) => page.locator('chatlet-widget').count();

describe('npm package', () => {
  it('throws a clear error for a bad config and adds nothing', async () => {
    const { page } = await open();
    expect(await create(page, { licenseId: 'x' })).toBe('chatlet: licenseId must be an integer ≥ 1 (got "x")');
    expect(await hosts(page)).toBe(0);
    await page.close();
  });

  it('creates, destroys and creates again, each time cleanly', async () => {
    const { page, errors, sockets } = await open();
    const first = await create(page);
    await call(page, first, 'maximize');
    await sockets.waitFor('login');
    await page.locator('chatlet-widget .panel').waitFor({ state: 'visible' });
    await call(page, first, 'destroy');
    expect(await hosts(page)).toBe(0);
    await expect.poll(() => sockets.sockets[0]!.isClosed()).toBe(true);

    const second = await create(page);
    await call(page, second, 'maximize');
    await page.locator('chatlet-widget .panel').waitFor({ state: 'visible' });
    await expect.poll(() => sockets.sent.filter((f) => f.action == 'login').length).toBe(2);
    expect(await hosts(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is safe to destroy while loading and to create again at once (router unmount/mount)', async () => {
    const { page, errors, sockets } = await open();
    // In one task, so the destroy surely lands while the app chunk is still loading.
    const second = await page.evaluate((c) => {
      const { harness } = window as any;
      const first = harness.create(c);
      harness.call(first, 'maximize');
      harness.call(first, 'destroy');
      harness.call(first, 'destroy');
      const next = harness.create(c);
      harness.call(next, 'init');
      return next;
    }, config());
    await page.waitForTimeout(500);
    expect(await hosts(page)).toBe(1);
    expect(sockets.sockets).toHaveLength(0);
    await call(page, second, 'maximize');
    await sockets.waitFor('login');
    await page.waitForTimeout(300);
    expect(sockets.sockets).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps two instances with different groups apart', async () => {
    const { page, sockets } = await open();
    const sales = await create(page, { groupId: 1, position: 'left' });
    const general = await create(page);
    await call(page, sales, 'maximize');
    await call(page, general, 'preload');
    await sockets.waitFor('login', (p) => p.group_id === 1);
    await sockets.waitFor('login', (p) => p.group_id === 0 || p.group_id === undefined);
    expect(await call(page, sales, 'get', 'state')).toMatchObject({ visibility: 'maximized' });
    expect(await call(page, general, 'get', 'state')).toMatchObject({ visibility: 'minimized' });
    const log = (await page.evaluate(() => (window as any).harness.log)) as [number, string, any][];
    expect(log.filter(([i, name]) => i == general && name == 'visibility_changed')).toEqual([]);

    await call(page, sales, 'destroy');
    expect(await hosts(page)).toBe(1);
    await expect.poll(() => sockets.sockets.filter((s) => !s.isClosed()).length).toBe(1);
    await call(page, general, 'maximize');
    await page.locator('chatlet-widget .panel').waitFor({ state: 'visible' });
    await page.close();
  });

  it('renders the chat inline in a target element', async () => {
    const { page, sockets } = await open();
    await create(page, { target: '#inline' });
    await sockets.waitFor('login');
    await page.locator('#inline chatlet-widget .panel').waitFor({ state: 'visible' });
    expect(await page.locator('body > chatlet-widget').count()).toBe(0);
    await page.close();
  });

  it('speaks the `locale` option, loading only its chunk, which the app’s bundler split out', async () => {
    const { page, errors } = await open();
    const chunks: string[] = [];
    page.on('request', (r) => /chatlet-locale-/.test(r.url()) && chunks.push(new URL(r.url()).pathname));
    await create(page, { locale: 'ar', visibility: 'maximized' });
    await page.locator('chatlet-widget .panel').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('chatlet-widget button.launch').getAttribute('aria-label')).toBe('تصغير المحادثة');
    expect(await page.locator('chatlet-widget textarea').getAttribute('placeholder')).toBe('اكتب رسالة…');
    expect(await page.locator('chatlet-widget .panel').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(chunks).toEqual([expect.stringMatching(/^\/npm\/chatlet-locale-ar-\w+\.js$/)]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
