// `npm run bench`: what the widget costs a host page and how it holds up, in headless Chromium with
// the CPU slowed down 4× through CDP, each figure the median of several runs in fresh contexts,
// against the bare page and LiveChat's customer SDK (evaluated only) in the same run. Prints one
// table. Everything runs on loopback: the bench's own sandbox, a static site, one agent socket.
//
//   BENCH_RUNS=3       runs of each situation (host pages get 5 by default, the 10,000-event chat 1)
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { startSandbox } from '../../demo/sandbox/server';
import { launchBrowser } from '../e2e/helpers';
import { loginBenchAgent } from './bench-agent';
import { startBenchSite } from './bench-site';
import { BURST, measureBurst } from './burst';
import { measureHistory } from './history';
import { measureHostPage } from './host-page';
import { CPU_SLOWDOWN } from './measure';
import { measureSlowOpen, ROUND_TRIP_MS } from './slow-network';
import { benchTable, type BenchRow } from './table';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const hostRuns = Number(process.env.BENCH_HOST_RUNS ?? Math.max(runs, 5));
const longRuns = Number(process.env.BENCH_LONG_RUNS ?? 1);
const started = Date.now();
const loadBefore = loadavg();
// KB of 1,000 bytes, as the README, the docs and DESIGN §6 count them.
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const step = (what: string) => console.error(`bench: ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

// Agents must not be logged out by the ping rule while the bench runs.
const sandbox = await startSandbox({ port: 0, timers: { loginMs: 600_000, pingMs: 600_000, agentPingMs: 600_000 } });
const agent = await loginBenchAgent(sandbox);
const site = await startBenchSite({ ws: sandbox.wsUrl, http: sandbox.url });
const browser = await launchBrowser();
const rows: BenchRow[] = [];
try {
  step('host pages');
  const bare = await measureHostPage(browser, site, 'bare', hostRuns);
  const sdk = await measureHostPage(browser, site, 'sdk', hostRuns);
  const chatlet = await measureHostPage(browser, site, 'chatlet', hostRuns);
  const load = (what: string, r: typeof bare): BenchRow => ({
    what,
    runs: hostRuns,
    scriptMs: r.loadScriptMs,
    longTasks: r.loadLongTasks,
    longestMs: r.loadLongestMs,
    heapMb: r.loadHeapMb,
  });
  rows.push(
    load('bare page: load until idle', bare),
    load('+ LiveChat customer SDK (evaluation only): load until idle', sdk),
    load('+ Chatlet script tag: load until idle (before opening)', chatlet),
    {
      what: 'Chatlet: click → panel usable (prechat form), until idle',
      runs: hostRuns,
      scriptMs: chatlet.openScriptMs,
      longTasks: chatlet.openLongTasks,
      longestMs: chatlet.openLongestMs,
      timeMs: chatlet.clickToUsableMs,
      nodes: chatlet.openNodes,
      heapMb: chatlet.openHeapMb,
    },
    {
      what: 'Chatlet, next page view (warm cache): click → panel usable, until idle',
      runs: hostRuns,
      longestMs: chatlet.warmOpenLongestMs,
      timeMs: chatlet.warmClickToUsableMs,
    },
    {
      what: 'Chatlet, the view after (code cache in use): click → panel usable, until idle',
      runs: hostRuns,
      longestMs: chatlet.hotOpenLongestMs,
      timeMs: chatlet.hotClickToUsableMs,
    },
  );
  step(`a ${ROUND_TRIP_MS} ms round trip`);
  const slow = await measureSlowOpen(browser, sandbox, hostRuns);
  rows.push({
    what: `Chatlet, ${ROUND_TRIP_MS} ms round trips to LiveChat's hosts: click → panel usable`,
    runs: hostRuns,
    longestMs: slow.longestMs,
    timeMs: slow.clickToUsableMs,
  });
  // One thread is the worst case (its whole history is one answer); 100 sessions of ~100 events is
  // how a long history builds up in LiveChat, loaded a thread at a time as the visitor scrolls up.
  for (const [events, n, threads] of [
    [1_000, runs, 1],
    [10_000, longRuns, 1],
    [10_000, longRuns, 100],
  ] as const) {
    step(`a chat of ${events} events in ${threads} thread(s)`);
    const h = await measureHistory(browser, site, sandbox, events, n, threads);
    const label = `${events.toLocaleString('en')} events${threads > 1 ? ` in ${threads} threads` : ''}`;
    rows.push(
      { what: `chat of ${label}: click → newest on screen`, runs: n, longestMs: h.openLongestMs, timeMs: h.openMs, nodes: h.nodesOpen, heapMb: h.heapMb },
      {
        what: `chat of ${label}: scroll to the oldest (${Number.isNaN(h.scrollSteps) ? 'not reached in 3 min' : `${h.scrollSteps} steps`}) and back`,
        runs: n,
        longestMs: h.scrollLongestMs,
        nodes: h.nodesTop,
        heapMb: h.heapScrolledMb,
      },
    );
  }
  step('burst');
  const burst = await measureBurst(browser, site, sandbox, agent, runs);
  rows.push({
    what: `burst: ${BURST.rate} events/s for ${BURST.seconds} s into an open chat (time: last sent → on screen)`,
    runs,
    scriptMs: burst.scriptMs,
    longTasks: burst.longTasks,
    longestMs: burst.longestMs,
    timeMs: burst.lastShownMs,
  });

  const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8')) as Record<string, { gzip: number }>;
  const loadAfter = loadavg();
  console.log(benchTable(rows));
  console.log(`
Medians; CPU slowed down ${CPU_SLOWDOWN}× (CDP Emulation.setCPUThrottlingRate); a long task is one over 50 ms
(PerformanceObserver 'longtask'); script time is CDP Performance.getMetrics ScriptDuration; heap is after a forced GC.
Chromium ${browser.version()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'},
${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free); load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after.
Sizes (gzip): Chatlet eager script ${kb(sizes['chatlet.js (eager)']?.gzip ?? NaN)}, lazy chunk ${kb(sizes['chatlet-embed (lazy)']?.gzip ?? NaN)};
LiveChat customer SDK bundle ${kb(site.sdk.gzip)} (${kb(site.sdk.minified)} minified). Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  await browser.close();
  await site.close();
  await agent.close();
  await sandbox.close();
}
