import { describe, expect, it } from 'vitest';
import { reduce } from '../../../../src/chat/state/reduce';
import { selectAgent, selectAvailability, selectRating, selectTypingAgent, selectUnreadCount } from '../../../../src/chat/state/selectors';
import type { RichMessageEvent } from '../../../../src/protocol/types';
import { AGENT, CHAT, ME, THREAD, added, cards, login, loggedIn, message, run } from './builders';

const toggled = (postbackId: string, on: boolean, userId = ME) =>
  ({ type: 'button_toggled', chatId: CHAT, threadId: THREAD, eventId: 'r1', userId, postbackId, on }) as const;

const buttons = (state: ReturnType<typeof loggedIn>) =>
  (state.chats[CHAT]!.threads[THREAD]!.events[0] as RichMessageEvent).elements!.map((e) =>
    e.buttons!.map((b) => `${b.postback_id}:${b.user_ids.join('+')}`),
  );

describe('reduce: rich message buttons', () => {
  const start = () => loggedIn([cards('r1', [[{ postback_id: 'yes' }, { postback_id: 'no', user_ids: ['x'] }], [{ postback_id: 'yes' }]])]);

  it('adds the user to every button sharing the postback id, once', () => {
    const state = run(start(), toggled('yes', true));
    expect(buttons(state)).toEqual([[`yes:${ME}`, 'no:x'], [`yes:${ME}`]]);
    expect(reduce(state, toggled('yes', true))).toBe(state);
  });

  it('removes the user when toggled off and leaves other users alone', () => {
    const state = run(start(), toggled('yes', true), toggled('no', true), toggled('yes', false));
    expect(buttons(state)).toEqual([['yes:', `no:x+${ME}`], ['yes:']]);
  });

  it('ignores buttons of unknown events or of events that are not rich messages', () => {
    const state = loggedIn([message('r1', { order: 1 })]);
    expect(reduce(state, toggled('yes', true))).toBe(state);
    const empty = loggedIn();
    expect(reduce(empty, toggled('yes', true))).toBe(empty);
  });
});

describe('reduce: properties', () => {
  it('merges set thread properties and removes deleted ones', () => {
    const updated = run(
      loggedIn(),
      { type: 'properties_changed', chatId: CHAT, threadId: THREAD, set: { rating: { score: 0 } } },
      { type: 'properties_changed', chatId: CHAT, threadId: THREAD, set: { rating: { comment: 'slow' } } },
    );
    expect(selectRating(updated)).toEqual({ score: 0, comment: 'slow' });
    const deleted = reduce(updated, { type: 'properties_changed', chatId: CHAT, threadId: THREAD, deleted: { rating: ['score'] } });
    expect(deleted.chats[CHAT]!.threads[THREAD]!.properties).toEqual({ rating: { comment: 'slow' } });
    expect(selectRating(deleted)).toBeNull();
  });

  it('merges chat properties and keeps event properties in the wire shape', () => {
    const state = run(
      loggedIn([message('e1', { order: 1 })]),
      { type: 'properties_changed', chatId: CHAT, set: { routing: { idle: false } } },
      { type: 'properties_changed', chatId: CHAT, threadId: THREAD, eventId: 'e1', set: { x: { y: 2 } } },
    );
    expect(state.chats[CHAT]!.properties.routing).toEqual({ idle: false });
    expect(state.chats[CHAT]!.threads[THREAD]!.events[0]!.properties).toEqual({ x: { y: { value: 2 } } });
  });

  it('does not invent a thread for properties of one it does not hold', () => {
    const state = loggedIn();
    expect(reduce(state, { type: 'properties_changed', chatId: CHAT, threadId: 'OLD', set: { a: { b: 1 } } })).toBe(state);
  });
});

describe('reduce: typing', () => {
  const typing = (on: boolean, authorId = AGENT) => ({ type: 'typing_changed', chatId: CHAT, authorId, typing: on }) as const;

  it('shows the agent typing until it stops', () => {
    const state = run(loggedIn(), typing(true));
    expect(selectTypingAgent(state)).toMatchObject({ id: AGENT, name: 'Bart' });
    expect(selectTypingAgent(reduce(state, typing(false)))).toBeNull();
  });

  it('expires only the revision its timer was set for', () => {
    const first = run(loggedIn(), typing(true));
    const staleRevision = first.typing[CHAT]![AGENT]!;
    const again = reduce(first, typing(true));
    expect(reduce(again, { type: 'typing_expired', chatId: CHAT, authorId: AGENT, revision: staleRevision })).toBe(again);
    const current = again.typing[CHAT]![AGENT]!;
    expect(selectTypingAgent(reduce(again, { type: 'typing_expired', chatId: CHAT, authorId: AGENT, revision: current }))).toBeNull();
  });

  it("clears when that agent's message arrives, and ignores the customer's own typing", () => {
    expect(selectTypingAgent(run(loggedIn(), typing(true), added([message('e1', { order: 1 })])))).toBeNull();
    const state = loggedIn();
    expect(reduce(state, typing(true, ME))).toBe(state);
  });
});

describe('reduce: availability, users, read receipts', () => {
  it('takes availability from login and from group changes', () => {
    expect(selectAvailability(loggedIn([], true))).toBe('online');
    const offline = loggedIn([], false);
    expect(selectAvailability(offline)).toBe('offline');
    const back = reduce(offline, { type: 'groups_changed', statuses: { 0: 'online_for_queue' } });
    expect(selectAvailability(back)).toBe('online');
    expect(reduce(back, { type: 'groups_changed', statuses: { 0: 'online_for_queue' } })).toBe(back);
  });

  it('tracks the assigned agent through users joining and leaving, and falls back to the predicted agent', () => {
    const predicted = { id: 'p@x', name: 'Pred', type: 'agent' as const };
    const state = run(loggedIn(), login({ chats: [], predictedAgent: predicted }));
    expect(selectAgent(state)).toMatchObject({ id: AGENT, isPredicted: false });
    const left = reduce(state, { type: 'user_left', chatId: CHAT, userId: AGENT });
    expect(selectAgent(left)).toMatchObject({ id: 'p@x', isPredicted: true });
    // The user directory keeps who wrote earlier messages.
    expect(left.users[AGENT]?.name).toBe('Bart');
    const joined = run(
      left,
      { type: 'users_changed', users: [{ id: 'ann@x', type: 'agent', name: 'Ann' }] },
      { type: 'user_joined', chatId: CHAT, userId: 'ann@x' },
    );
    expect(selectAgent(joined)).toMatchObject({ id: 'ann@x', name: 'Ann', isPredicted: false });
  });

  it('merges a user with what is known of them', () => {
    const state = reduce(loggedIn(), { type: 'users_changed', users: [{ id: ME, type: 'customer', email: 'a@b.c' }] });
    expect(state.users[ME]).toMatchObject({ name: 'Me', email: 'a@b.c' });
  });

  it('counts events from others after the read receipt, which only moves forward', () => {
    const events = [
      message('old', { order: 1, timestamp: 100 }),
      message('mine', { order: 2, timestamp: 200, author_id: ME }),
      message('new', { order: 3, timestamp: 300 }),
      message('newer', { order: 4, created_at: '1970-01-01T00:05:00.5Z' }),
    ];
    const seen = (seconds: number) => ({ type: 'seen_updated', chatId: CHAT, userId: ME, seenUpTo: seconds * 1000 }) as const;
    expect(selectUnreadCount(run(loggedIn(events), seen(150)))).toBe(2);
    expect(selectUnreadCount(run(loggedIn(events), seen(300)))).toBe(1);
    expect(selectUnreadCount(run(loggedIn(events), seen(301)))).toBe(0);
    // Receipts only move forward, so a reordered older one changes nothing; without a user, it is the visitor's.
    const later = run(loggedIn(events), { type: 'seen_updated', chatId: CHAT, seenUpTo: 301_000 });
    expect(selectUnreadCount(later)).toBe(0);
    expect(reduce(later, seen(150))).toBe(later);
  });
});
