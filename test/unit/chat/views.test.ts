import { signal } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { initialChatState } from '../../../src/chat/state/chat-state';
import { createViews } from '../../../src/chat/views';
import { CHAT, THREAD, added, loggedIn, message, run } from './state/builders';

const online = () => signal({ state: 'online' as const, reason: null });

describe('createViews', () => {
  it('keeps the timeline while only a read receipt changes, and rebuilds it for a new event', () => {
    const state = signal(loggedIn([message('e1'), message('e2')]));
    const views = createViews(state, online());
    const before = views.timeline.value;
    expect(before.map((i) => i.key)).toEqual(['e1', 'e2']);
    state.value = run(state.value, { type: 'seen_updated', chatId: CHAT, seenUpTo: Date.now() });
    expect(views.hasChat.value).toBe(true);
    expect(views.timeline.value).toBe(before);
    state.value = run(state.value, added([message('e3')]));
    expect(views.timeline.value.map((i) => i.key)).toEqual(['e1', 'e2', 'e3']);
  });

  it("answers LiveChat's chat_data: the current chat and its last thread, empty without one", () => {
    expect(createViews(signal(loggedIn()), online()).chatData.value).toEqual({ chatId: CHAT, threadId: THREAD });
    expect(createViews(signal(initialChatState(0)), online()).chatData.value).toEqual({ chatId: '', threadId: '' });
  });

  it('hides the last error while the connection is stopped for good: the banner says why', () => {
    const state = signal(run(loggedIn(), { type: 'action_failed', error: { action: 'rate', type: 'x', message: 'x' } }));
    const connection = online();
    const views = createViews(state, connection);
    expect(views.lastError.value).toMatchObject({ action: 'rate' });
    connection.value = { state: 'closed', reason: 'customer_banned' } as never;
    expect(views.lastError.value).toBeNull();
    expect(views.stopReason.value).toBe('customer_banned');
  });
});
