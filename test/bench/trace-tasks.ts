// The page's main-thread tasks from a CDP trace, by CPU time: a trace event's `tdur` is thread time,
// which other processes taking the cores do not stretch (on a busy machine a 20 ms task can take
// 100 ms of wall time), so it compares builds fairly. Chromium's CPU throttling stops the thread
// between slices, so at 4× a task lasts about 4 × its CPU time.
import type { CDPSession } from 'playwright';

/** A CPU profile chunk as the trace's `ProfileChunk` events carry it. */
export interface CpuProfile {
  nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }[];
  samples?: number[];
}

/** A trace event as `Tracing.dataCollected` (or a trace file) delivers it: what the bench tools read. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not stretched when other processes take the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  cat?: string;
  id?: string;
  args?: {
    name?: string;
    data?: { functionName?: string; url?: string; type?: string; startTime?: number; cpuProfile?: CpuProfile; timeDeltas?: number[] };
  };
}

/** One main-thread task: CPU and wall ms, and its costliest parts (`name` → CPU ms, self time). */
export interface TracedTask {
  /** ms on the trace's clock, to put tasks in order. */
  start: number;
  cpuMs: number;
  wallMs: number;
  parts: [string, number][];
}

const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8';

/**
 * Starts tracing the page; the returned function stops it and resolves with the renderer main
 * thread's tasks, costliest (CPU) first.
 *
 * @example
 * const stop = await traceTasks(cdp);
 * await openPanel(page, usable);
 * const [worst] = await stop();
 */
export async function traceTasks(cdp: CDPSession): Promise<() => Promise<TracedTask[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return mainThreadTasks(events);
  };
}

function label(e: TraceEvent): string {
  const data = e.args?.data;
  if (e.name === 'FunctionCall' && data) return `FunctionCall ${data.functionName || '(anonymous)'} ${data.url?.split('/').pop() ?? ''}`.trim();
  if (e.name === 'EventDispatch' && data?.type) return `EventDispatch ${data.type}`;
  return e.name;
}

function mainThreadTasks(events: TraceEvent[]): TracedTask[] {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.tdur !== undefined);
  // The page's renderer is the main thread that ran the most.
  const cpuOf = (m: TraceEvent) => complete.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').reduce((s, e) => s + e.tdur!, 0);
  const main = mains.sort((a, b) => cpuOf(b) - cpuOf(a))[0];
  if (!main) return [];
  const mine = complete.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = mine.filter((e) => e.name === 'RunTask');
  return tasks
    .map((task) => {
      const end = task.ts + task.dur!;
      // Self CPU time per kind of event nested in the task (each event minus the events nested in it).
      const self = new Map<string, number>();
      const stack: TraceEvent[] = [];
      for (const e of mine) {
        if (e.ts < task.ts || e.ts + e.dur! > end || e === task) continue;
        while (stack.length > 0 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
        const parent = stack.at(-1);
        if (parent) self.set(label(parent), (self.get(label(parent)) ?? 0) - e.tdur!);
        self.set(label(e), (self.get(label(e)) ?? 0) + e.tdur!);
        stack.push(e);
      }
      const nested = [...self.values()].reduce((s, v) => s + v, 0);
      self.set('(task, outside any event)', task.tdur! - nested);
      const parts = [...self].filter(([, v]) => v >= 500).sort((a, b) => b[1] - a[1]).map(([k, v]): [string, number] => [k, Math.round(v / 100) / 10]);
      return { start: task.ts / 1000, cpuMs: task.tdur! / 1000, wallMs: task.dur! / 1000, parts };
    })
    .sort((a, b) => b.cpuMs - a.cpuMs);
}
