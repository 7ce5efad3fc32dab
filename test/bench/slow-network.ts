// The opening over a phone's network: the accounts server and the RTM socket each behind a proxy that
// adds a round trip of ROUND_TRIP_MS to every exchange (TCP and WebSocket handshakes, the token's
// request, each frame). The page and the widget's files come from loopback, as from a warm CDN.
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { startBenchSite } from './bench-site';
import { latencyProxy } from './latency-proxy';
import { benchPage, longest, longTasks, medianOf, settle } from './measure';
import { openPanel } from './open-panel';

/** The round trip to LiveChat's hosts, ms (a good mobile network; a desktop one is ~20–50). */
export const ROUND_TRIP_MS = 100;

/**
 * A new visitor's first open over that network, `runs` times in fresh contexts: medians of the ms
 * from pointerdown to the prechat form, and of the longest task meanwhile.
 *
 * @example
 * const slow = await measureSlowOpen(browser, sandbox, 5); // { clickToUsableMs: 1234, longestMs: 0 }
 */
export async function measureSlowOpen(browser: Browser, sandbox: Sandbox, runs: number, dist?: string) {
  const target = new URL(sandbox.url).host;
  // Two proxies: two hosts (accounts and api), so two connections to set up, as in production.
  const accounts = await latencyProxy(target, ROUND_TRIP_MS / 2);
  const rtm = await latencyProxy(target, ROUND_TRIP_MS / 2);
  const site = await startBenchSite({ ws: `ws://${rtm.host}`, http: `http://${accounts.host}` }, dist);
  try {
    return await medianOf(runs, async () => {
      const { page, close } = await benchPage(browser);
      try {
        await page.goto(`${site.url}/chatlet.html`, { waitUntil: 'load' });
        await settle(page);
        const open = await openPanel(page, { kind: 'prechat' });
        await settle(page);
        return { clickToUsableMs: open.usableMs, longestMs: longest(await longTasks(page, open.since)) };
      } finally {
        await close();
      }
    });
  } finally {
    await site.close();
    await accounts.close();
    await rtm.close();
  }
}
