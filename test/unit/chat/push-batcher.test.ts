import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/chat/state/change';
import { pushBatcher } from '../../../src/chat/push-batcher';
import type { Clock } from '../../../src/protocol/clock';

function fakeClock() {
  const timers = new Map<number, () => void>();
  let id = 0;
  const clock: Clock = {
    now: () => 0,
    setTimeout: (fn) => (timers.set(++id, fn), id),
    clearTimeout: (t) => void timers.delete(t as number),
  };
  const run = () => {
    const due = [...timers];
    timers.clear();
    for (const [, fn] of due) fn();
  };
  return { clock, timers, run };
}

const push = (n: number): Change[] => [{ type: 'typing_changed', chatId: 'C', authorId: `a${n}`, typing: true }];

describe('pushBatcher', () => {
  it('hands pushes over together, in order, on one 0 ms timer', () => {
    const { clock, timers, run } = fakeClock();
    const applied: Change[][] = [];
    const pushes = pushBatcher(clock, (changes) => applied.push(changes));
    pushes.push(push(1));
    pushes.push(push(2));
    pushes.push(push(3));
    expect(timers.size).toBe(1);
    expect(applied).toEqual([]);
    run();
    expect(applied).toEqual([[...push(1), ...push(2), ...push(3)]]);
    pushes.push(push(4));
    expect(timers.size).toBe(1);
  });

  it('flushes at once on demand (clearing its timer), and does nothing with nothing waiting', () => {
    const { clock, timers } = fakeClock();
    const applied: Change[][] = [];
    const pushes = pushBatcher(clock, (changes) => applied.push(changes));
    pushes.flush();
    expect(applied).toEqual([]);
    pushes.push(push(1));
    pushes.flush();
    expect(applied).toEqual([push(1)]);
    expect(timers.size).toBe(0);
  });

  it('drops what waits on dispose', () => {
    const { clock, timers } = fakeClock();
    const applied: Change[][] = [];
    const pushes = pushBatcher(clock, (changes) => applied.push(changes));
    pushes.push(push(1));
    pushes.dispose();
    pushes.flush();
    expect(applied).toEqual([]);
    expect(timers.size).toBe(0);
  });
});
