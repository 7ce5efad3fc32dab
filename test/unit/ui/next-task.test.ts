import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from '../../../src/ui/next-task';

afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
  vi.useRealTimers();
});

describe('nextTask', () => {
  it('resolves in a later task, after every microtask of this one', async () => {
    const order: string[] = [];
    const done = nextTask().then(() => order.push('next task'));
    queueMicrotask(() => order.push('microtask'));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(order).toEqual(['microtask']);
    await done;
    expect(order).toEqual(['microtask', 'next task']);
  });

  it('waits its turn behind work already queued, even where the browser has scheduler.yield', async () => {
    const yieldTo = vi.fn(() => Promise.resolve());
    (globalThis as { scheduler?: unknown }).scheduler = { yield: yieldTo };
    vi.useFakeTimers();
    const order: string[] = [];
    setTimeout(() => order.push('queued before'));
    const done = nextTask().then(() => order.push('next task'));
    await vi.runAllTimersAsync();
    await done;
    expect(order).toEqual(['queued before', 'next task']);
    expect(yieldTo).not.toHaveBeenCalled();
  });
});
