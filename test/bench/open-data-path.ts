// The data path of opening a long chat on its own, without the UI: a page runs only the client and
// the chat store (and an effect reading the timeline, as the message list does), logs in as a
// seeded visitor and resyncs. Reports, at 4× CPU, the tasks from connecting until every event of
// the last thread is in the store: above all receiving and parsing the `get_chat_threads` answer,
// then applying it. The costliest task by CPU time is the figure to compare (see trace-tasks.ts).
// Compare two source trees (e.g. before/after a change) with DATA_SRC.
//
//   node demo/run-ts.mjs test/bench/open-data-path.ts
//   DATA_CASES=1000x1,10000x1,10000x100  DATA_RUNS=3  DATA_SRC=<repository root to bundle from>
//   DATA_TASKS=3 (the costliest tasks to list) or DATA_ORDER=time (every task over 5 ms CPU, in order)
//   DATA_OLDER=20  then load older threads this many times (as scrolling up does), traced apart
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox } from '../../demo/sandbox/server';
import { launchBrowser } from '../e2e/helpers';
import { loginBenchAgent } from './bench-agent';
import { startBenchSite } from './bench-site';
import { benchPage, longTasks, pageNow } from './measure';
import { seedChat } from './seed-chat';
import { traceTasks } from './trace-tasks';

const cases = (process.env.DATA_CASES ?? '1000x1,10000x1,10000x100').split(',').map((c) => c.split('x').map(Number) as [number, number]);
const runs = Number(process.env.DATA_RUNS ?? 3);
const src = resolve(process.env.DATA_SRC ?? '.');
const older = Number(process.env.DATA_OLDER ?? 20);

const ENTRY = `
import { effect } from '@preact/signals-core';
import { createChatStore } from './src/chat/create-chat-store';
import { createCustomerClient } from './src/protocol/customer-client';
const cfg = window.__dataBench;
const client = createCustomerClient({ licenseId: 12345, groupId: 0, apiUrl: cfg.ws, accountsUrl: cfg.http, customer: {}, customerPage: { url: location.href, title: '' } });
const store = createChatStore({ client, licenseId: 12345, groupId: 0, batchPushes: true });
effect(() => { window.__rows = store.timeline.value.length; });
window.__go = () => void store.actions.connect();
window.__older = async (n) => { for (let i = 0; i < n && store.hasOlder.value; i++) await store.actions.loadOlder(); return store.timeline.value.length; };
`;

/** The store-only page script, bundled from `root`, in a directory the bench site serves. */
async function bundle(root: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chatlet-data-'));
  writeFileSync(join(dir, 'chatlet.js'), '');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'data-path.js'),
    nodePaths: [resolve('node_modules')],
    logLevel: 'warning',
  });
  return dir;
}

const sandbox = await startSandbox({ port: 0, timers: { loginMs: 600_000, pingMs: 600_000, agentPingMs: 600_000 } });
const agent = await loginBenchAgent(sandbox);
const dist = await bundle(src);
const site = await startBenchSite({ ws: sandbox.wsUrl, http: sandbox.url }, dist);
const browser = await launchBrowser();
const range = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
try {
  console.log(`bundled from ${src}`);
  for (const [events, threads] of cases) {
    const longestTask: number[] = [];
    const cpu: number[] = [];
    const total: number[] = [];
    const olderCpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const chat = await seedChat(sandbox, events, { threads });
      // The rows of the last thread (what resync fetches), the system message closing none.
      const rows = sandbox.store.chats.get(chat.chatId)!.threads.at(-1)!.events.length;
      const { page, cdp, close } = await benchPage(browser, [chat.cookie]);
      try {
        await page.goto(`${site.url}/bare.html`, { waitUntil: 'load' });
        await page.evaluate((cfg) => Object.assign(window, { __dataBench: cfg }), { ws: sandbox.wsUrl, http: sandbox.url });
        // Loaded first, so the trace and the long tasks cover connecting, logging in and resyncing only.
        await page.addScriptTag({ url: '/dist/data-path.js', type: 'module' });
        await page.waitForFunction(() => '__go' in window);
        await page.waitForTimeout(300);
        const stop = await traceTasks(cdp);
        const started = await pageNow(page);
        await page.evaluate(() => (window as unknown as { __go: () => void }).__go());
        await page.waitForFunction((n) => (window as unknown as { __rows?: number }).__rows === n, rows, { timeout: 60_000, polling: 50 });
        total.push((await pageNow(page)) - started);
        await page.waitForTimeout(300);
        const tasks = await stop();
        const long = await longTasks(page, started);
        longestTask.push(Math.max(0, ...long.map((t) => t.duration)));
        cpu.push(tasks[0]?.cpuMs ?? 0);
        console.log(
          `${events}x${threads} run ${run + 1}: ${rows} rows after ${Math.round(total.at(-1)!)} ms; long tasks [${long.map((t) => Math.round(t.duration)).join(', ')}]` +
            (process.env.DATA_ORDER === 'time' ? tasks.filter((t) => t.cpuMs >= 5).sort((a, b) => a.start - b.start) : tasks.slice(0, Number(process.env.DATA_TASKS ?? 3))).map((t) => `\n  task ${t.cpuMs.toFixed(1)} ms CPU (${Math.round(t.wallMs)} wall): ${t.parts.slice(0, 7).map(([k, v]) => `${k} ${v}`).join(', ')}`).join(''),
        );
        if (older > 0 && threads > 1) {
          const stopOlder = await traceTasks(cdp);
          const rowsNow = await page.evaluate((n) => (window as unknown as { __older: (n: number) => Promise<number> }).__older(n), older);
          const olderTasks = await stopOlder();
          olderCpu.push(olderTasks[0]?.cpuMs ?? 0);
          console.log(`  ${older} loads of older threads: ${rowsNow} rows; costliest task ${olderTasks[0]?.cpuMs.toFixed(1)} ms CPU: ${olderTasks[0]?.parts.slice(0, 5).map(([k, v]) => `${k} ${v}`).join(', ')}`);
        }
      } finally {
        await close();
      }
    }
    console.log(
      `== ${events}x${threads}: all rows in ${range(total)} ms, longest task ${range(longestTask)} ms, costliest task ${range(cpu)} ms CPU` +
        (olderCpu.length ? `; loading older threads: costliest task ${range(olderCpu)} ms CPU` : ''),
    );
  }
} finally {
  await browser.close();
  await site.close();
  await agent.close();
  await sandbox.close();
  rmSync(dist, { recursive: true, force: true });
}
