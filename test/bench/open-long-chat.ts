// Opening a long chat, focused: `node demo/run-ts.mjs test/bench/open-long-chat.ts` (build first).
// For each case a returning visitor with a seeded chat opens the widget in a fresh page at 4× CPU:
// time from click to the newest message on screen, and the longest task meanwhile. Cases are
// `<events>x<threads>`: 10,000 events in one thread is the worst case, over 100 threads (a session
// each) the realistic one, where scrolling up then loads the older threads.
//
//   OPEN_CASES=1000x1,10000x1,10000x100   what to open
//   OPEN_RUNS=3                            runs per case (prints each, then the range)
//   OPEN_OLDER=60                          then scroll up this many times (multi-thread cases), loading
//                                          older threads: the longest task meanwhile
//   OPEN_PROFILE=1                         CPU-profile the opening (readable build) and print where
//                                          each long task's time went
//   OPEN_TRACE=1                           trace the opening: the costliest tasks by CPU time (which a
//                                          busy machine does not stretch) and what they were made of
//   OPEN_TASKS=4                           how many of those to list
//   OPEN_READABLE=1                        serve the readable build (names in traces), as OPEN_PROFILE does;
//                                          OPEN_KEEP=1 keeps it (its path is printed) to look names up
//   OPEN_DIST=<dir>                        serve another build (to compare two versions back to back)
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { startSandbox } from '../../demo/sandbox/server';
import { launchBrowser } from '../e2e/helpers';
import { loginBenchAgent } from './bench-agent';
import { startBenchSite } from './bench-site';
import { longest, longTasks, pageNow, settle } from './measure';
import { openPanel, readyToClick } from './open-panel';
import { breakdowns, markPage } from './profile-summary';
import { returningVisitor } from './returning-visitor';
import { traceTasks, type TracedTask } from './trace-tasks';

const cases = (process.env.OPEN_CASES ?? '1000x1,10000x1,10000x100').split(',').map((c) => c.split('x').map(Number) as [number, number]);
const runs = Number(process.env.OPEN_RUNS ?? 3);
const olderSteps = Number(process.env.OPEN_OLDER ?? 60);
const profile = process.env.OPEN_PROFILE === '1';
const trace = process.env.OPEN_TRACE === '1';

/** The widget unminified (names kept), so a profile names functions; otherwise the same bundles. */
async function readableDist(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chatlet-readable-'));
  const common = {
    bundle: true,
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    logLevel: 'warning',
  } as const;
  await build({ ...common, entryPoints: ['src/embed/script-tag.ts'], outfile: join(dir, 'chatlet.js'), format: 'iife' });
  await build({ ...common, entryPoints: ['src/embed/create-script-widget.ts'], outfile: join(dir, 'chatlet-embed.mjs'), format: 'esm' });
  return dir;
}

/**
 * Scrolls the list near the top (`top` px: not always 0, which would fire no scroll event once
 * there), waits a frame and a task, and tells whether `text` shows.
 */
function nearTop(page: Page, top: number, text: string): Promise<boolean> {
  return page.evaluate(
    ({ top, text }) =>
      new Promise<boolean>((resolve) => {
        const log = document.querySelector('chatlet-widget')!.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
        log.scrollTop = top;
        requestAnimationFrame(() => setTimeout(() => resolve((log.textContent ?? '').includes(text)), 50));
      }),
    { top, text },
  );
}

const sandbox = await startSandbox({ port: 0, timers: { loginMs: 600_000, pingMs: 600_000, agentPingMs: 600_000 } });
const agent = await loginBenchAgent(sandbox);
const readable = profile || process.env.OPEN_READABLE === '1';
const dist = readable ? await readableDist() : process.env.OPEN_DIST;
if (readable) console.log(`readable build in ${dist}`);
const site = await startBenchSite({ ws: sandbox.wsUrl, http: sandbox.url }, dist);
const browser = await launchBrowser();
const range = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
try {
  for (const [events, threads] of cases) {
    const open: number[] = [];
    const openLongest: number[] = [];
    const olderLongest: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { chat, page, cdp, close } = await returningVisitor(browser, site, sandbox, events, { threads });
      try {
        if (profile) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        await readyToClick(page);
        const mark = profile ? await page.evaluate(markPage) : 0;
        const stopTrace = trace ? await traceTasks(cdp) : null;
        const { usableMs: ms, since } = await openPanel(page, { kind: 'chat', text: chat.newest });
        await settle(page);
        const tasks = await longTasks(page, since);
        open.push(ms);
        openLongest.push(longest(tasks));
        let line = `${events}x${threads} run ${run + 1}: open ${Math.round(ms)} ms, long tasks [${tasks.map((t) => Math.round(t.duration)).join(', ')}]`;
        if (stopTrace) {
          const traced: TracedTask[] = await stopTrace();
          cpu.push(traced[0]?.cpuMs ?? 0);
          for (const t of traced.slice(0, Number(process.env.OPEN_TASKS ?? 4))) line += `\n  task ${t.cpuMs.toFixed(1)} ms CPU (${Math.round(t.wallMs)} wall): ${t.parts.slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ')}`;
        }
        if (profile) {
          const { profile: p } = await cdp.send('Profiler.stop');
          for (const b of breakdowns(p, tasks, mark)) {
            line += `\n  task of ${Math.round(b.duration)} ms at +${Math.round(b.start - since)}\n    self: ${JSON.stringify(b.self)}\n    inclusive: ${JSON.stringify(b.inclusive)}`;
          }
        }
        if (threads > 1 && olderSteps > 0) {
          const scrolling = await pageNow(page);
          let found = false;
          let steps = 0;
          for (; steps < olderSteps && !found; steps++) found = await nearTop(page, [0, 12, 30, 47][steps % 4]!, chat.oldest);
          await settle(page);
          const loaded = await page.evaluate(() => document.querySelector('chatlet-widget')!.shadowRoot!.querySelectorAll('.item').length);
          olderLongest.push(longest(await longTasks(page, scrolling)));
          line += `; ${steps} scrolls up: longest task ${Math.round(olderLongest.at(-1)!)} ms (${loaded} items rendered${found ? ', oldest reached' : ''})`;
        }
        console.log(line);
      } finally {
        await close();
      }
    }
    console.log(
      `== ${events} events in ${threads} thread(s): open ${range(open)} ms, longest task ${range(openLongest)} ms` +
        (cpu.length ? `, costliest task ${range(cpu)} ms CPU` : '') +
        (olderLongest.length ? `, scrolling up longest task ${range(olderLongest)} ms` : ''),
    );
  }
} finally {
  await browser.close();
  await site.close();
  await agent.close();
  await sandbox.close();
  if (readable && dist && !process.env.OPEN_KEEP) rmSync(dist, { recursive: true, force: true });
}
