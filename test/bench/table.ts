// The one table `npm run bench` prints: a row per measured situation, medians of its runs.

/** One row; absent figures print as "–". */
export interface BenchRow {
  what: string;
  runs: number;
  /** Renderer script time during the situation, ms. */
  scriptMs?: number;
  longTasks?: number;
  longestMs?: number;
  /** The situation's own time (click to usable, open, last message on screen), ms. */
  timeMs?: number;
  nodes?: number;
  heapMb?: number;
}

const COLUMNS: [keyof BenchRow, string, (v: number) => string][] = [
  ['runs', 'runs', String],
  ['scriptMs', 'script ms', (v) => v.toFixed(0)],
  ['longTasks', 'long tasks', (v) => v.toFixed(v % 1 ? 1 : 0)],
  ['longestMs', 'longest task ms', (v) => v.toFixed(0)],
  ['timeMs', 'time ms', (v) => v.toFixed(0)],
  ['nodes', 'widget DOM nodes', (v) => v.toFixed(0)],
  ['heapMb', 'JS heap MB', (v) => v.toFixed(1)],
];

/**
 * Renders rows as a Markdown table (readable as is in a terminal, pastable into the README).
 *
 * @example
 * console.log(benchTable([{ what: 'bare page', runs: 5, scriptMs: 1.2, longTasks: 0, longestMs: 0 }]));
 */
export function benchTable(rows: BenchRow[]): string {
  const cell = (row: BenchRow, [key, , format]: (typeof COLUMNS)[number]) => {
    const v = row[key];
    return typeof v === 'number' && Number.isFinite(v) ? format(v) : '–';
  };
  const table = [
    ['situation', ...COLUMNS.map(([, title]) => title)],
    ...rows.map((row) => [row.what, ...COLUMNS.map((c) => cell(row, c))]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(table[0]!), rule, ...table.slice(1).map(line)].join('\n');
}
