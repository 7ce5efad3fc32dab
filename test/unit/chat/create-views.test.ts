import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createViews } from '../../../src/chat/create-views';
import { CHAT, incoming, loggedIn, message, run } from './builders';

describe('createViews', () => {
  it('keeps the timeline while only a read receipt changes, and rebuilds it for a new event', () => {
    const state = signal(loggedIn([message('e1'), message('e2')]));
    const views = createViews(state, signal(true));
    const before = views.timeline.value;
    expect(before.map((i) => i.key)).toEqual(['e1', 'e2']);
    state.value = run(state.value, { type: 'seen_marked', chatId: CHAT, seenUpTo: Date.now() });
    expect(views.currentChat.value).not.toBe(null);
    expect(views.timeline.value).toBe(before);
    state.value = run(state.value, incoming(message('e3')));
    expect(views.timeline.value.map((i) => i.key)).toEqual(['e1', 'e2', 'e3']);
  });
});
