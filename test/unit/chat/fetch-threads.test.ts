// A long thread comes in one answer; the store applies it piece by piece, newest first, one piece
// per task, and only then resends the outbox (which must see every event the server has).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PIECE } from '../../../src/chat/fetch-threads';
import type { ChatStore } from '../../../src/chat/create-chat-store';
import { CHAT_ID } from './fake-server';
import { flush, memoryStorage, setup } from './store-helpers';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 12) });
});
afterEach(() => {
  vi.useRealTimers();
});

const held = (store: ChatStore, threadId = 'T1') => store.state.value.chats[CHAT_ID]?.threads[threadId]?.events ?? [];
const texts = (store: ChatStore, threadId = 'T1') => held(store, threadId).map((e) => (e.type === 'message' ? e.text : e.type));

/** Runs the next 0 ms timer (the next task) and what it sets off. */
async function nextTask(): Promise<void> {
  vi.advanceTimersByTime(0);
  await flush();
}

describe('applying a long fetched thread', () => {
  it('goes in newest first, one piece per task, and the outbox waits for all of it', async () => {
    // A send from an earlier page view that the server stored long ago: its copy is the oldest event.
    const storage = memoryStorage();
    const send = { customId: 'c-old', event: { type: 'message', text: 'old 1.0', custom_id: 'c-old' }, createdAt: Date.UTC(2023, 0, 1) };
    storage.setItem('chatlet_outbox_123', JSON.stringify([send]));
    const { fake, store } = await setup({
      storage,
      prepare: (server) => {
        server.history(2_000);
        server.threads[0]!.active = true;
        server.threads[0]!.events![0]!.custom_id = 'c-old';
      },
    });
    expect(fake.calls('get_chat_threads')).toEqual([{ chat_id: CHAT_ID, thread_ids: ['T1'] }]);
    // The answer is in; its events are not, yet: the task that parsed it ends first.
    expect(held(store)).toEqual([]);

    await nextTask();
    expect(texts(store)).toEqual(Array.from({ length: FIRST_PIECE }, (_, i) => `old 1.${2_000 - FIRST_PIECE + i}`));
    await nextTask();
    expect(held(store)).toHaveLength(3 * FIRST_PIECE);
    // Not everything is in: the send's copy is not, so the send must not go out again.
    expect(store.state.value.outbox.map((s) => s.customId)).toEqual(['c-old']);
    expect(fake.calls('send_event')).toEqual([]);

    for (let pieces = 2; held(store).length < 2_000; pieces++) {
      expect(pieces, 'pieces').toBeLessThan(10);
      expect(store.state.value.outbox).toHaveLength(1);
      await nextTask();
    }
    expect(texts(store)).toEqual(Array.from({ length: 2_000 }, (_, i) => `old 1.${i}`));
    expect(store.state.value.outbox).toEqual([]);
    expect(store.timeline.value).toHaveLength(2_000);
    await vi.runAllTimersAsync();
    expect(fake.calls('send_event')).toEqual([]);
  });

  it('stops when a newer login takes over, and the newer resync applies the whole thread once', async () => {
    const { fake, server, store } = await setup({ prepare: (s) => s.history(1_200) });
    await nextTask();
    expect(held(store)).toHaveLength(FIRST_PIECE);
    fake.drop();
    fake.online(server.login());
    await flush();
    expect(fake.calls('get_chat_threads')).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect(texts(store)).toEqual(Array.from({ length: 1_200 }, (_, i) => `old 1.${i}`));
    expect(new Set(store.timeline.value.map((i) => i.key)).size).toBe(1_200);
  });

  it('loads a long older thread on scroll the same way, loading until the last piece is in', async () => {
    const { store } = await setup({ prepare: (s) => s.history(1_500, 2) });
    expect(texts(store, 'T2')).toEqual(['old 2.0', 'old 2.1']);
    const loading = store.actions.loadOlder();
    await flush();
    expect(store.historyLoading.value).toBe(true);
    await nextTask();
    expect(held(store)).toHaveLength(FIRST_PIECE);
    expect(store.historyLoading.value).toBe(true);
    await vi.runAllTimersAsync();
    await loading;
    expect(texts(store)).toEqual(Array.from({ length: 1_500 }, (_, i) => `old 1.${i}`));
    expect(store.historyLoading.value).toBe(false);
    expect(store.timeline.value.map((i) => (i.event.type === 'message' ? i.event.text : ''))).toEqual([...texts(store), 'old 2.0', 'old 2.1']);
  });
});
