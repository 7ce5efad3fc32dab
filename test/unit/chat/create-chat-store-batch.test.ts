// batchPushes: a burst of server pushes becomes one state change, without reordering anything.
import { effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flush, setup, view } from './store-helpers';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 12) });
});
afterEach(() => {
  vi.useRealTimers();
});

async function chatting(batchPushes: boolean) {
  const s = await setup({ batchPushes });
  await s.store.actions.send('hi');
  await flush();
  vi.runOnlyPendingTimers();
  let changes = 0;
  const stop = effect(() => {
    void s.store.timeline.value;
    changes++;
  });
  const newEvents = () => s.log.filter(([n]) => n === 'new_event').length;
  return { ...s, changes: () => changes - 1, newEvents, stop };
}

describe('createChatStore with batchPushes', () => {
  it('applies a burst of pushes together on the next macrotask, with a new_event for each', async () => {
    const { server, store, changes, newEvents, stop } = await chatting(true);
    const before = newEvents();
    for (let i = 1; i <= 5; i++) server.agentSays(`burst ${i}`);
    expect(view(store).map(([text]) => text)).toEqual(['hi']);
    expect(changes()).toBe(0);
    vi.advanceTimersByTime(0);
    expect(view(store).map(([text]) => text)).toEqual(['hi', 'burst 1', 'burst 2', 'burst 3', 'burst 4', 'burst 5']);
    expect(changes()).toBe(1);
    expect(newEvents() - before).toBe(5);
    stop();
  });

  it('applies what waits before anything changes the state, so order is kept', async () => {
    const { server, store, stop } = await chatting(true);
    server.agentSays('first, from the agent');
    await store.actions.send('then mine');
    expect(view(store).map(([text]) => text)).toEqual(['hi', 'first, from the agent', 'then mine']);
    stop();
  });

  it('drops what waits, and its timer, when disposed', async () => {
    const { server, store, newEvents, stop } = await chatting(true);
    const before = newEvents();
    server.agentSays('too late');
    store.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(newEvents()).toBe(before);
    stop();
  });

  it('applies each push at once without the option', async () => {
    const { server, store, changes, stop } = await chatting(false);
    server.agentSays('one');
    server.agentSays('two');
    expect(view(store).map(([text]) => text)).toEqual(['hi', 'one', 'two']);
    expect(changes()).toBe(2);
    stop();
  });
});
