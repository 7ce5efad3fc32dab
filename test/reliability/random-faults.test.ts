// The seeded randomized suite: in each schedule a visitor sends a few messages while the sandbox
// drops, silences, delays, duplicates, reorders and restarts, and the page reloads. Afterwards the
// agent and the visitor (also after one more reload) hold every message exactly once, in order.
// RELIABILITY_SEED=<n> replays one schedule; RELIABILITY_SCHEDULES=<n> changes how many run.
import { describe, expect, it } from 'vitest';
import { compare, runSchedule, type Outcome } from './run-schedule';

const only = Number(process.env.RELIABILITY_SEED) || undefined;
const COUNT = Number(process.env.RELIABILITY_SCHEDULES) || 200;
const SIDE_BY_SIDE = 6;
const seeds = only ? [only] : Array.from({ length: COUNT }, (_, i) => i + 1);

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe('randomized fault schedules', () => {
  it(`deliver and show every message exactly once, in order (${seeds.length} schedules)`, { timeout: 240_000 }, async () => {
    const started = Date.now();
    const outcomes: Outcome[] = await pool(seeds, SIDE_BY_SIDE, (seed) => runSchedule(seed));
    const totals = { schedules: outcomes.length, messages: 0, answers: 0, logins: 0, lost: 0, duplicated: 0, misordered: 0 };
    const faults: Record<string, { tried: number; lost: number }> = {};
    const bad: string[] = [];
    for (const o of outcomes) {
      // The visitor's messages on three sides, the agent's on two; each message counts once.
      const own = [compare(o.sent, o.agent), compare(o.sent, o.visitor), compare(o.sent, o.reloaded)];
      const answers = [compare(o.answers.sent, o.answers.seen), compare(o.answers.sent, o.answers.reloaded)];
      const worst = (key: 'lost' | 'duplicated') => Math.max(...own.map((s) => s[key])) + Math.max(...answers.map((s) => s[key]));
      const sides = [...own, ...answers];
      const lost = worst('lost');
      const duplicated = worst('duplicated');
      const misordered = sides.some((s) => s.misordered);
      totals.messages += o.sent.length;
      totals.answers += o.answers.sent.length;
      totals.logins += o.logins;
      totals.lost += lost;
      totals.duplicated += duplicated;
      totals.misordered += misordered ? 1 : 0;
      for (const step of o.steps) {
        if (step.kind === 'wait') continue;
        const f = (faults[step.kind] ??= { tried: 0, lost: 0 });
        f.tried++;
        f.lost += lost + duplicated;
      }
      if (lost || duplicated || misordered) {
        bad.push(`seed ${o.seed}: ${JSON.stringify({ sent: o.sent, agent: o.agent, visitor: o.visitor, reloaded: o.reloaded, answers: o.answers, steps: o.steps })}`);
      }
    }
    console.log(
      `reliability: ${totals.schedules} schedules, ${totals.messages} visitor messages, ${totals.answers} agent messages, ` +
        `${totals.logins} logins, ` +
        `lost ${totals.lost}, duplicated ${totals.duplicated}, ` +
        `misordered ${totals.misordered} (${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
        Object.entries(faults)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, f]) => `  ${kind}: tried ${f.tried}, lost or duplicated ${f.lost}`)
          .join('\n'),
    );
    expect(bad).toEqual([]);
    expect(totals).toMatchObject({ lost: 0, duplicated: 0, misordered: 0 });
  });
});
