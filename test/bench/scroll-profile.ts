// Where scrolling a long chat spends its time: seeds a chat, opens it at 4× CPU slowdown and scrolls
// to the oldest event and back with the bench's steps (history.ts), printing each run's long tasks.
// Build first (`node build.mjs --no-types`).
//
//   node demo/run-ts.mjs test/bench/scroll-profile.ts [events=10000] [runs=1] [most steps]
//   PROFILE_TRACE=1  CDP trace: CPU time of the busy tasks, and what the longest were made of
//   PROFILE_CPU=1    CDP CPU profile: the hottest functions (give it a build without minification)
//   PROFILE_DIST=dir serve another build (e.g. an older commit's, to compare)
//   PROFILE_THREADS=n  spread the history over n threads (older ones load as the list reaches the top)
//   PROFILE_RATE=n   CPU slowdown (default 4)     PROFILE_CSS=css  a stylesheet to try, adopted by the widget
import { startSandbox } from '../../demo/sandbox/server';
import { launchBrowser } from '../e2e/helpers';
import { loginBenchAgent } from './bench-agent';
import { startBenchSite } from './bench-site';
import { longest, longTasks, pageNow, settle } from './measure';
import { openPanel } from './open-panel';
import { hotFunctions, traceSummary } from './scroll-trace';
import type { TraceEvent } from './trace-tasks';
import { returningVisitor } from './returning-visitor';

const events = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 1);
const maxSteps = Number(process.argv[4] ?? Infinity);
const dist = process.env.PROFILE_DIST;
const tracing = process.env.PROFILE_TRACE === '1';
const rate = Number(process.env.PROFILE_RATE ?? 4);
const profiling = process.env.PROFILE_CPU === '1';
const threads = Number(process.env.PROFILE_THREADS ?? 1);

const sandbox = await startSandbox({ port: 0, timers: { loginMs: 600_000, pingMs: 600_000, agentPingMs: 600_000 } });
const agent = await loginBenchAgent(sandbox);
const site = await startBenchSite({ ws: sandbox.wsUrl, http: sandbox.url }, dist);
const browser = await launchBrowser();
try {
  for (let run = 0; run < runs; run++) {
    const { chat, page, cdp, close } = await returningVisitor(browser, site, sandbox, events, { threads });
    try {
      await openPanel(page, { kind: 'chat', text: chat.newest });
      await settle(page);
      const trace: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => void trace.push(...(e.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      if (tracing) await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      if (rate !== 4) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      if (process.env.PROFILE_CSS) {
        await page.evaluate((css) => {
          const root = document.querySelector('chatlet-widget')!.shadowRoot!;
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        }, process.env.PROFILE_CSS);
        await settle(page);
      }
      const since = await pageNow(page);
      let steps = 0;
      let found = false;
      const started = Date.now();
      for (; !found && steps < maxSteps; steps++) {
        found = await page.evaluate(
          (text) =>
            new Promise<boolean>((resolve) => {
              const log = document.querySelector('chatlet-widget')!.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
              log.scrollTop = 0;
              requestAnimationFrame(() => setTimeout(() => resolve((log.textContent ?? '').includes(text))));
            }),
          chat.oldest,
        );
      }
      const upMs = Date.now() - started;
      await page.evaluate(() => {
        const log = document.querySelector('chatlet-widget')!.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
        log.scrollTop = log.scrollHeight;
      });
      await settle(page);
      const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
      if (tracing) {
        await cdp.send('Tracing.end');
        await complete;
      }
      const tasks = await longTasks(page, since);
      console.log(
        `run ${run + 1}: ${events} events, ${steps} steps (${found ? 'oldest reached' : 'stopped'}) in ${(upMs / 1000).toFixed(1)} s; long tasks ${tasks.length}, longest ${longest(tasks).toFixed(0)} ms`,
      );
      if (profile) for (const line of hotFunctions(profile, 30)) console.log(`  ${line}`);
      if (tracing) for (const line of traceSummary(trace, rate)) console.log(`  ${line}`);
    } finally {
      await close();
    }
  }
} finally {
  await browser.close();
  await site.close();
  await agent.close();
  await sandbox.close();
}
