// Where the page's long tasks went, from a CDP CPU profile (Profiler.stop): self and inclusive time
// per function within each task. The profile's clock and the page's `performance.now()` differ, so
// the page runs a marker function at a known page time first, which the profile then shows.

/** The parts of a CDP `Profiler.Profile` read here. */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One window of the page's time (ms since navigation), a long task say. */
export interface Window {
  start: number;
  duration: number;
}

/** Where one window's time went: `name file:line` → ms, largest first. */
export interface Breakdown extends Window {
  self: [string, number][];
  inclusive: [string, number][];
}

/** Name of the function {@link markPage} runs; {@link breakdowns} looks for it. */
export const MARKER = '__benchProfileMarker';

/**
 * Runs, in the page, a 5 ms busy function named {@link MARKER} (inject with page.evaluate) and
 * returns the page time at which it started. Call it after Profiler.start.
 *
 * @example
 * const mark = await page.evaluate(markPage);
 */
export function markPage(): number {
  const start = performance.now();
  // The name must match MARKER: this function's source is what runs in the page.
  function __benchProfileMarker(): void {
    while (performance.now() - start < 5);
  }
  __benchProfileMarker();
  return start;
}

const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();

const top = (m: Map<string, number>, n: number): [string, number][] =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v * 10) / 10]);

/**
 * For each window (page ms), the top `n` functions by self and by inclusive time of the samples in
 * it; `mark` is what {@link markPage} returned. A sample lasts until the next one.
 *
 * @example
 * const { profile } = await cdp.send('Profiler.stop');
 * for (const b of breakdowns(profile, await longTasks(page), mark)) console.log(b.duration, b.self.slice(0, 5));
 */
export function breakdowns(profile: Profile, windows: Window[], mark: number, n = 12): Breakdown[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stack = (id: number): string[] => {
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(label(byId.get(at)!.callFrame));
    return names;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Sample times in page ms: the first sample inside the marker is taken as the mark.
  const times: number[] = [];
  let t = profile.startTime / 1000;
  let offset: number | undefined;
  for (let i = 0; i < samples.length; i++) {
    t += (deltas[i] ?? 0) / 1000;
    times.push(t);
    if (offset === undefined && stack(samples[i]!).some((s) => s.startsWith(MARKER))) offset = t - mark;
  }
  if (offset === undefined) throw new Error(`the profile holds no ${MARKER} sample`);
  return windows.map((w) => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (let i = 0; i < samples.length; i++) {
      const at = times[i]! - offset!;
      if (at < w.start || at >= w.start + w.duration) continue;
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const names = stack(samples[i]!);
      self.set(names[0]!, (self.get(names[0]!) ?? 0) + ms);
      for (const name of new Set(names)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
    return { ...w, self: top(self, n), inclusive: top(inclusive, n) };
  });
}
