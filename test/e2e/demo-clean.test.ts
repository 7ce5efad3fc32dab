// `npm run demo` runs clean: every page of the demo site, with the chat opened and answered by the
// bot, and the agent console logged in, without a console error, a failed request, an HTTP error
// or a CSP violation (the site is served with a strict policy; see demo/site/site-server.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { startDemo, type Demo } from '../../demo/site/start-demo';
import { launcherOf, launchBrowser } from './helpers';

let demo: Demo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo({ port: 0, sandboxPort: 0, botAfterMs: null });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Everything that went wrong on a page: console errors, page errors, failed or refused requests. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => m.type() == 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('websocket', (ws) => ws.on('socketerror', (e) => problems.push(`socket: ${e}`)));
  await page.exposeFunction('reportViolation', (v: string) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  return problems;
}

it('shows every site page, a chat the bot answers, and the agent console, with no error anywhere', async () => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const problems = await watch(page);
  // Before it leaves a page, the test waits for it to go quiet: leaving while the chat or its parts
  // load on idle would abort their requests, which count as failures here.
  let pending = 0;
  let last = Date.now();
  const count = (n: number) => () => ((pending += n), (last = Date.now()));
  page.on('request', count(1));
  page.on('requestfinished', count(-1));
  page.on('requestfailed', count(-1));
  const quiet = () => expect.poll(() => pending == 0 && Date.now() - last > 2500, { timeout: 20_000, interval: 100 }).toBe(true);
  await page.goto(demo.siteUrl);
  const widget = page.locator('chatlet-widget');
  await launcherOf(page).click();
  // The prechat form (the bot keeps group 0 online), then the chat, routed to the bot.
  await widget.getByLabel(/^Name/).fill('Ada');
  await widget.getByLabel(/^E-mail/).fill('ada@example.com');
  await widget.getByLabel(/^Your question/).fill('Hello');
  await widget.getByRole('button', { name: 'Start the chat' }).click();
  await widget.getByText(/I am the Chatlet Coffee assistant/).waitFor({ timeout: 15_000 });
  const composer = widget.getByRole('textbox', { name: 'Write a message…' });
  await composer.fill('menu');
  await composer.press('Enter');
  await widget.getByText('How can I help?').waitFor({ timeout: 15_000 });
  // The bot's avatar, served by the sandbox, loaded.
  await expect.poll(() => widget.locator('img.av').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0))).toContain(true);
  for (const path of ['product.html', 'contact.html', '']) {
    await quiet();
    await page.goto(demo.siteUrl + path);
    await page.locator('chatlet-widget').waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
  }

  // The language switcher reloads the page with the chat in German, kept on the next page, then in Arabic.
  const switcher = page.getByRole('navigation', { name: 'Chat language' });
  await quiet();
  await switcher.getByRole('link', { name: 'Deutsch' }).click();
  await page.waitForURL(/[?&]lang=de\b/);
  await expect.poll(() => widget.getAttribute('lang')).toBe('de');
  expect(await switcher.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current')).toBe('true');
  await quiet();
  await page.goto(demo.siteUrl + 'product.html');
  await page.evaluate(() => (window as any).chatlet('maximize'));
  await widget.getByRole('textbox', { name: 'Nachricht schreiben…' }).waitFor();
  await quiet();
  await switcher.getByRole('link', { name: 'العربية' }).click();
  // Loaded (the default of waitForURL), so the script tag has run and `chatlet` is defined.
  await page.waitForURL(/[?&]lang=ar\b/);
  await page.evaluate(() => (window as any).chatlet('maximize'));
  const arabic = widget.getByRole('textbox', { name: 'اكتب رسالة…' });
  await arabic.waitFor();
  expect(await widget.locator('.panel').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await quiet();
  await visitor.close();

  const agent = await browser.newContext();
  const console = await agent.newPage();
  problems.push(...(await watch(console)));
  await console.goto(demo.agentUrl);
  await console.getByRole('button', { name: 'Log in' }).click();
  await console.getByText('Ada').first().waitFor();
  await console.waitForLoadState('networkidle');
  await agent.close();

  expect(problems).toEqual([]);
});
