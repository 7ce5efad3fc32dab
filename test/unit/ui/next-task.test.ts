import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from '../../../src/ui/next-task';

afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
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

  it('uses scheduler.yield where the browser has it', async () => {
    const yieldTo = vi.fn(() => Promise.resolve());
    (globalThis as { scheduler?: unknown }).scheduler = { yield: yieldTo };
    await nextTask();
    expect(yieldTo).toHaveBeenCalledOnce();
  });
});
