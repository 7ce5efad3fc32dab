// Reading what scroll-profile.ts records: a CDP trace of the page's main thread (how long its tasks
// took in CPU time, and what they were made of) and a CDP CPU profile (which functions took it).
import type { TraceEvent } from './trace-tasks';

/** A node of a CDP CPU profile (`Profiler.stop`). */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * Self and total sampled time per function of a CDP CPU profile, the top `n` of each, as lines to print.
 *
 * @example
 * for (const line of hotFunctions((await cdp.send('Profiler.stop')).profile, 30)) console.log(line);
 */
export function hotFunctions(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, n: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const name = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'}${node.callFrame.url ? `:${node.callFrame.lineNumber}` : ''}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    self.set(name(byId.get(id)!), (self.get(name(byId.get(id)!)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`);
  return ['self ms:', ...top(self), 'total ms:', ...top(total)];
}

// Kinds of work inside a task; each phase's own time excludes the phases nested in it.
const KINDS = ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'HitTest', 'MajorGC', 'MinorGC', 'ScrollLayer'];

function phases(mine: TraceEvent[], task: TraceEvent): Map<string, number> {
  const end = task.ts + task.dur!;
  const inside = mine.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= end && (e === task || KINDS.includes(e.name))).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of inside) {
    while (stack.length > 0 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.tdur ?? 0) / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
    stack.push(e);
  }
  return self;
}

const quantile = (sorted: number[], f: number) => (sorted[Math.floor(f * (sorted.length - 1))] ?? 0).toFixed(1);

/**
 * The page's busy main-thread tasks (≥ 2 ms of CPU at 1×, times `rate`, the CPU slowdown): the five
 * longest and what each was made of, their CPU time (thread time, which other processes on the cores
 * stretch less than wall time), how many were over 50 ms, and the mean split of the longest tenth.
 *
 * @example
 * for (const line of traceSummary(trace, 4)) console.log(line);
 */
export function traceSummary(trace: TraceEvent[], rate: number): string[] {
  // Of the renderers' main threads, the busiest is the page's.
  const mains = trace.filter((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
  const tasksOf = (t: TraceEvent) => trace.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask').length;
  const thread = mains.sort((a, b) => tasksOf(b) - tasksOf(a))[0];
  if (!thread) return ['no main thread in the trace'];
  const mine = trace.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined);
  const busy = mine.filter((e) => e.name === 'RunTask' && (e.tdur ?? 0) >= rate * 2000).sort((a, b) => (a.tdur ?? 0) - (b.tdur ?? 0));
  const cpu = busy.map((e) => (e.tdur ?? 0) / 1000);
  const longest = busy.slice(-Math.max(1, Math.ceil(busy.length / 10)));
  const total = new Map<string, number>();
  for (const task of longest) for (const [k, v] of phases(mine, task)) total.set(k, (total.get(k) ?? 0) + v);
  const split = [...total].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k === 'RunTask' ? 'other' : k} ${(v / longest.length).toFixed(1)}`);
  const top = busy.slice(-5).reverse().map((task) => {
    const parts = [...phases(mine, task)].filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]);
    return `  task ${((task.tdur ?? 0) / 1000).toFixed(1)} ms: ${parts.map(([k, v]) => `${k === 'RunTask' ? 'other' : k} ${v.toFixed(1)}`).join(', ')}`;
  });
  return [
    ...top,
    `busy tasks ${busy.length}: CPU ms p50 ${quantile(cpu, 0.5)} p90 ${quantile(cpu, 0.9)} p99 ${quantile(cpu, 0.99)} max ${quantile(cpu, 1)}; over 50 ms: ${cpu.filter((t) => t > 50).length}`,
    `  the longest tenth, mean split: ${split.join(', ')}`,
  ];
}
