// Helpers for the browser journeys: one site per test file (the sandbox in-process, host pages for
// both embeds, Chromium), waiting on conditions, and axe on the widget's shadow root. The visitor's
// side (its page, wire and events) is in journey-visitor.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { DIALECTS } from '../../demo/sandbox/dialect';
import type { Dialect } from '../../demo/sandbox/dialect';
import type { Fixtures } from '../../demo/sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { bundleApp, launchBrowser, removeDir, startStaticServer } from './helpers';

/**
 * How the host page embeds the widget: the script tag (`dist/chatlet.js`) or the npm package.
 *
 * @example
 * describe.each(EMBEDS)('first visit (%s embed)', (embed: Embed) => {});
 */
export type Embed = 'script' | 'npm';
/** Both embeds, to run every journey with each. */
export const EMBEDS: Embed[] = ['script', 'npm'];
/**
 * Both dialects of the sandbox's customer API (the seed's draft v3.1 and v3.1 as released), to run
 * every journey against each: the widget must work with either, with no option to set.
 *
 * @example
 * describe.each(DIALECTS)('%s dialect', (dialect) => { beforeAll(() => startJourneySite({ dialect })); });
 */
export { DIALECTS };
/** The default fixture's license. */
export const LICENSE_ID = 12345;

const axePath = createRequire(import.meta.url).resolve('axe-core');

/**
 * Polls `probe` until it returns something other than `undefined`/`false`, for up to `ms`.
 *
 * @example
 * const frame = await until(() => wire.sent.find((f) => f.action == 'login'), 'a login frame');
 */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The sandbox, a static server with the host pages, and Chromium, for one test file. */
export interface JourneySite {
  server: Sandbox;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** A host page with the script tag as a site owner pastes it, for one group. */
const scriptPage = (server: Sandbox, group: number) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop (script tag)</title><link rel="stylesheet" href="/page.css"></head>
<body>
<main><h1>A shop</h1><p>The chat comes from the script tag below.</p></main>
<script async src="/dist/chatlet.js" data-license-id="${LICENSE_ID}" data-group-id="${group}" data-api-url="${server.wsUrl}" data-accounts-url="${server.url}"></script>
</body>
</html>
`;

/**
 * Starts everything a journey file needs (the sandbox with the default fixtures and the draft
 * dialect unless given); `close()` stops what was started, also after a failed start.
 *
 * @example
 * const site = await startJourneySite({ dialect: 'released' });
 * afterAll(() => site.close());
 */
export async function startJourneySite({ fixtures, dialect }: { fixtures?: Fixtures; dialect?: Dialect } = {}): Promise<JourneySite> {
  const stops: (() => unknown)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const server = await startSandbox({ port: 0, ...(fixtures && { fixtures }), ...(dialect && { dialect }) });
    stops.push(() => server.close());
    const bundle = await bundleApp('test/e2e/pages/npm-app.js');
    stops.push(() => removeDir(bundle));
    const pages = mkdtempSync(join(tmpdir(), 'chatlet-journey-'));
    stops.push(() => removeDir(pages));
    for (const group of [0, 1]) writeFileSync(join(pages, `script-${group}.html`), scriptPage(server, group));
    const site = await startStaticServer({ mounts: { '/npm/': bundle, '/journey/': pages } });
    stops.push(() => site.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return { server, browser, url: site.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits until no finite animation (the panel popping open, say) runs in the page or the widget's
 * shadow root for a whole frame; endless ones (the typing dots) are left running.
 *
 * @example
 * await settled(page);
 */
export const settled = (page: Page) =>
  page.evaluate(async () => {
    const running = () =>
      [...document.getAnimations(), ...[...document.querySelectorAll('chatlet-widget')].flatMap((h) => h.shadowRoot?.getAnimations() ?? [])].filter(
        (a) => a.playState == 'running' && a.effect?.getComputedTiming().endTime !== Infinity,
      );
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let busy = running(); ; busy = running()) {
      if (busy.length == 0) {
        await frame();
        if (running().length == 0) return;
      }
      await Promise.all(busy.map((a) => a.finished.catch(() => undefined)));
    }
  });

/**
 * Resolves once the effects of what was just rendered have run: Preact runs effects after the next
 * paint, and this waits for that frame and a task after it.
 *
 * @example
 * await visitor.launcher.click(); await afterPaint(visitor.page);
 */
export const afterPaint = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r))));

/** An axe finding that blocks: serious or critical. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core over the widget (its shadow root included) and returns the serious and critical
 * violations, plus how many of the widget's nodes passed some rule (so an empty scan shows up).
 *
 * @example
 * expect((await axeWidget(page)).violations).toEqual([]);
 */
export async function axeWidget(page: Page): Promise<{ violations: AxeFinding[]; checked: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  // Colours are judged as they end up, not halfway through a fade.
  await settled(page);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run({ include: [['chatlet-widget']] }, { resultTypes: ['violations', 'passes'] });
    const violations = result.violations
      .filter((v: any) => v.impact == 'serious' || v.impact == 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => JSON.stringify(n.target)) }));
    const checked = new Set(result.passes.flatMap((p: any) => p.nodes.map((n: any) => JSON.stringify(n.target)))).size;
    return { violations, checked };
  });
}
