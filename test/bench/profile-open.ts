// What the host page's long tasks around the widget consist of: loads the Chatlet page at 4× CPU,
// records a Chromium trace of the load and of a click until the panel is usable (a new visitor, then
// the next page view on a warm cache) and prints the page's long tasks (PerformanceObserver), then
// every task whose CPU time × the slowdown is over the long-task threshold (CPU time, unlike wall
// time, is not stretched by other processes on a busy machine) with where its time went (script
// compile/evaluation, style, layout, paint, each by self time). For work on the widget's own costs;
// `npm run bench` gives the table.
//
//   node build.mjs --no-types && node demo/run-ts.mjs test/bench/profile-open.ts [runs] [--no-trace] [--js] [--dist=DIR]
//
// With --no-trace only the long tasks and the time to usable are printed (tracing itself slows the page).
// Each long task also lists the widget's functions that took most of it (inclusive, from the trace's
// CPU samples, with --js); point --dist at an unminified build of dist/ to read their names.
import type { Browser, Page } from 'playwright';
import { startSandbox } from '../../demo/sandbox/server';
import { launchBrowser } from '../e2e/helpers';
import { loginBenchAgent } from './bench-agent';
import { startBenchSite, type BenchSite } from './bench-site';
import { benchPage, CPU_SLOWDOWN, longTasks, settle, type LongTask } from './measure';
import { openPanel, readyToClick } from './open-panel';
import type { TraceEvent } from './trace-tasks';

const runs = Number(process.argv[2] ?? 3);
const tracing = !process.argv.includes('--no-trace');
const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const LONG_MS = 50;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', ...(process.argv.includes('--js') ? ['disabled-by-default-v8.cpu_profiler'] : [])];

/** The CPU samples of the trace: when, and the stack (leaf first) as `name file:line`. */
function samples(events: TraceEvent[], pid: number): { ts: number; stack: string[] }[] {
  const out: { ts: number; stack: string[] }[] = [];
  for (const profile of events.filter((e) => e.name == 'Profile' && e.pid == pid)) {
    const frames = new Map<number, { name: string; parent?: number }>();
    let ts = profile.args!.data!.startTime!;
    for (const chunk of events.filter((e) => e.name == 'ProfileChunk' && e.pid == pid && e.id == profile.id)) {
      const data = chunk.args!.data!;
      for (const n of data.cpuProfile?.nodes ?? []) {
        const { functionName, url, lineNumber } = n.callFrame;
        const file = url?.replace(/^.*\//, '');
        frames.set(n.id, { name: file ? `${functionName || '(anonymous)'} ${file}:${(lineNumber ?? 0) + 1}` : functionName, parent: n.parent });
      }
      (data.cpuProfile?.samples ?? []).forEach((id, i) => {
        ts += data.timeDeltas![i]!;
        const stack: string[] = [];
        for (let f = frames.get(id); f; f = f.parent === undefined ? undefined : frames.get(f.parent)) stack.push(f.name);
        out.push({ ts, stack });
      });
    }
  }
  return out;
}

/** The names of the renderer main thread's tasks over LONG_MS, each with its self time by event name. */
function summarize(events: TraceEvent[]): string[] {
  const main = events.find((e) => e.ph == 'M' && e.name == 'thread_name' && e.args?.name == 'CrRendererMain');
  if (!main) return ['no renderer main thread in the trace'];
  const own = events
    .filter((e) => e.pid == main.pid && e.tid == main.tid && e.ph == 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const lines: string[] = [];
  const cpu = samples(events, main.pid);
  // Tasks that would be long on an idle machine: CPU time × the slowdown over the threshold.
  const tasks = own.filter((e) => e.name == 'RunTask' && ((e.tdur ?? e.dur!) * CPU_SLOWDOWN) / 1000 > LONG_MS);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inner = own.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= end && e != task);
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [{ e: task, child: 0 }];
    const label = (e: TraceEvent) => {
      const url = e.args?.data?.url?.replace(/^.*\//, '');
      return url ? `${e.name} ${url}` : e.name;
    };
    const pop = () => {
      const top = stack.pop()!;
      const key = label(top.e);
      self.set(key, (self.get(key) ?? 0) + top.e.dur! - top.child);
      const parent = stack[stack.length - 1];
      if (parent) parent.child += top.e.dur!;
    };
    for (const e of inner) {
      while (stack.length > 1 && e.ts >= stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur!) pop();
      stack.push({ e, child: 0 });
    }
    while (stack.length) pop();
    const parts = [...self].filter(([, us]) => us >= 1000).sort((a, b) => b[1] - a[1]);
    const cpuMs = ((task.tdur ?? NaN) * CPU_SLOWDOWN) / 1000;
    lines.push(`  task ${(task.dur! / 1000).toFixed(0)} ms (CPU ×${CPU_SLOWDOWN}: ${cpuMs.toFixed(0)} ms): ${parts.map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join(', ')}`);
    // Inclusive sample counts of the widget's functions in this task (each counted once per sample).
    const within = cpu.filter((c) => c.ts >= task.ts && c.ts <= end);
    const widget = new Map<string, number>();
    for (const c of within) for (const f of new Set(c.stack)) if (/chatlet/.test(f)) widget.set(f, (widget.get(f) ?? 0) + 1);
    const top = [...widget].sort((a, b) => b[1] - a[1]).slice(0, 12);
    if (top.length) lines.push(`    widget JS (% of ${within.length} samples): ${top.map(([f, n]) => `${f} ${((100 * n) / within.length).toFixed(0)}%`).join(', ')}`);
  }
  return lines;
}

async function traced(browser: Browser, page: Page, what: () => Promise<unknown>): Promise<string[]> {
  if (!tracing) {
    await what();
    await settle(page);
    return [];
  }
  await browser.startTracing(page, { categories: CATEGORIES });
  await what();
  await settle(page);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  return summarize(trace.traceEvents);
}

const list = (tasks: LongTask[]) => `long tasks [${tasks.map((t) => t.duration.toFixed(0)).join(', ')}] ms`;

async function once(browser: Browser, site: BenchSite, run: number): Promise<void> {
  const { page, close } = await benchPage(browser);
  try {
    const load = await traced(browser, page, async () => {
      await page.goto(`${site.url}/chatlet.html`, { waitUntil: 'load' });
      await page.waitForTimeout(2000);
    });
    const loadTasks = await longTasks(page);
    console.log(`run ${run} load: ${list(loadTasks)}`, ...load.map((l) => `\n${l}`));
    let opening = { usableMs: 0, since: 0 };
    await readyToClick(page);
    const open = await traced(browser, page, async () => (opening = await openPanel(page, { kind: 'prechat' })));
    let tasks = await longTasks(page, opening.since);
    let usable = opening.usableMs;
    console.log(`run ${run} open: usable ${usable.toFixed(0)} ms, ${list(tasks)}`, ...open.map((l) => `\n${l}`));
    await page.reload({ waitUntil: 'load' });
    await settle(page);
    await readyToClick(page);
    const warm = await traced(browser, page, async () => (opening = await openPanel(page, { kind: 'prechat' })));
    tasks = await longTasks(page, opening.since);
    usable = opening.usableMs;
    console.log(`run ${run} warm open: usable ${usable.toFixed(0)} ms, ${list(tasks)}`, ...warm.map((l) => `\n${l}`));
  } finally {
    await close();
  }
}

const sandbox = await startSandbox({ port: 0, timers: { loginMs: 600_000, pingMs: 600_000, agentPingMs: 600_000 } });
const agent = await loginBenchAgent(sandbox);
const site = await startBenchSite({ ws: sandbox.wsUrl, http: sandbox.url }, dist);
const browser = await launchBrowser();
try {
  for (let i = 0; i < runs; i++) await once(browser, site, i);
} finally {
  await browser.close();
  await site.close();
  await agent.close();
  await sandbox.close();
}
