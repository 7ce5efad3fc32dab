// Pages under a strict Content-Security-Policy with default options: `default-src 'self'` with no
// 'unsafe-*' anywhere, no `worker-src`, only the chat server added to `connect-src` and `img-src`
// (its socket, token and agents' avatars), and a nonce-only policy. A returning visitor opens a
// chat whose history spans days, reads its times and day headings, sends and receives messages:
// not one violation, no worker, and no `Intl` date formatter (whose first use freezes a slow phone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { loginBenchAgent, type BenchAgent } from '../bench/bench-agent';
import { seedChat } from '../bench/seed-chat';
import { launcherOf, launchBrowser, sandboxVars, startStaticServer, type StaticServer } from './helpers';

const NONCE = 'c2VjcmV0LW5vbmNl';
// The history: one event every 9 hours back from now, so the list shows several days.
const EVENTS = 40;
const SPACING_MS = 9 * 3600_000;
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

let browser: Browser;
let server: Sandbox;
let agent: BenchAgent;
let site: StaticServer;

beforeAll(async () => {
  server = await startSandbox({ port: 0 });
  agent = await loginBenchAgent(server);
  const chatServer = `connect-src ${server.wsUrl} ${server.url}; img-src 'self' ${server.url}`;
  site = await startStaticServer({
    vars: { ...sandboxVars(server), NONCE },
    headers: {
      '/csp.html': { 'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; ${chatServer}` },
      '/csp-nonce.html': {
        'Content-Security-Policy': `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; ${chatServer}`,
      },
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await agent?.close();
  await server?.close();
});

/** Seeds a chat with the agent and spreads its events over the past days; their times, oldest first. */
async function seedHistory() {
  const chat = await seedChat(server, EVENTS);
  const events = server.store.chats.get(chat.chatId)!.threads.flatMap((t) => t.events);
  const now = Date.now();
  const times = events.map((e, i) => {
    const at = now - (events.length - 1 - i) * SPACING_MS - 60_000;
    e.timestamp = Math.floor(at / 1000);
    e.created_at = new Date(at).toISOString().replace('Z', '000Z');
    return at;
  });
  return { chat, times };
}

// Runs before any script of the page (through the DevTools protocol, which the policy does not
// govern): records violations, and every Intl date formatter or locale date string made.
function watch(page: Page) {
  return page.addInitScript(() => {
    const w = window as any;
    w.violations = [];
    w.intlDates = 0;
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    const Format = Intl.DateTimeFormat;
    Intl.DateTimeFormat = new Proxy(Format, { construct: (f, args) => (w.intlDates++, Reflect.construct(f, args)), apply: (f, self, args) => (w.intlDates++, Reflect.apply(f, self, args)) });
    for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
      const original = Date.prototype[name];
      Date.prototype[name] = function (this: Date, ...args: []) {
        w.intlDates++;
        return original.apply(this, args);
      };
    }
  });
}

describe.each(['/csp.html', '/csp-nonce.html'])('under the strict policy of %s, with default options', (path) => {
  it('a returning visitor reads a history of several days with times, sends and receives, and nothing is refused', async () => {
    const { chat, times } = await seedHistory();
    const context = await browser.newContext({ timezoneId: timeZone });
    try {
      await context.addCookies([chat.cookie]);
      const page = await context.newPage();
      const workers: string[] = [];
      const reports: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      page.on('console', (m) => m.type() == 'error' && reports.push(m.text()));
      page.on('pageerror', (e) => reports.push(String(e)));
      page.on('requestfailed', (r) => reports.push(`${r.url()} ${r.failure()?.errorText}`));
      await watch(page);
      await page.goto(site.url + path);
      await launcherOf(page).click();
      const widget = page.locator('chatlet-widget');
      const log = widget.locator('[role="log"]');
      await log.getByText(chat.newest).waitFor();

      // Times and days as English writes them, from the events' own times.
      const clock = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
      const shownTimes = await log.locator('time').allTextContents();
      expect(shownTimes.length).toBeGreaterThan(3);
      expect(shownTimes.at(-1)).toBe(clock.format(times.at(-1)));
      for (const text of shownTimes) expect(times.map((t) => clock.format(t))).toContain(text);
      const days = await log.locator('.day').allTextContents();
      // Days of another year (early in January) carry the year.
      const thisYear = new Date().getFullYear();
      const date = (t: number) =>
        new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone, ...(new Date(t).getFullYear() != thisYear && { year: 'numeric' }) }).format(t);
      expect(days.slice(-2)).toEqual(['Yesterday', 'Today']);
      expect(days.length).toBeGreaterThan(3);
      for (const day of days.slice(0, -2)) expect(times.map(date)).toContain(day);

      const input = widget.locator('textarea');
      await input.fill('Hello under CSP');
      await input.press('Enter');
      await log.getByText('Hello under CSP').waitFor();
      agent.send(chat.chatId, 'Answered under CSP');
      await log.getByText('Answered under CSP').waitFor();

      // The theme reached the shadow root as a stylesheet (the nonce page sets no accent colour).
      if (path == '/csp.html') {
        expect(await widget.locator('.launch').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 170, 119)');
      }
      expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
      expect(reports).toEqual([]);
      expect(workers).toEqual([]);
      expect(await page.evaluate(() => (window as any).intlDates)).toBe(0);
    } finally {
      await context.close();
    }
  });
});
