import { describe, expect, it } from 'vitest';
import type { RichMessageEvent } from '../../../src/protocol/types';
import { reduce } from '../../../src/chat/reducer';
import {
  selectAgent,
  selectAvailability,
  selectRating,
  selectTypingAgent,
  selectUnreadCount,
} from '../../../src/chat/selectors';
import { AGENT, CHAT, ME, THREAD, cards, chat, incoming, loggedIn, message, push, run, thread } from './builders';

const postback = (id: string, toggled: boolean, user_id = ME) =>
  push('incoming_rich_message_postback', { user_id, chat_id: CHAT, thread_id: THREAD, event_id: 'r1', postback: { id, toggled } });

const buttons = (state: ReturnType<typeof loggedIn>) =>
  (state.chats[CHAT]!.threads[THREAD]!.events[0] as RichMessageEvent).elements!.map((e) =>
    e.buttons!.map((b) => `${b.postback_id}:${b.user_ids.join('+')}`),
  );

describe('reduce: rich message postbacks', () => {
  const start = () => loggedIn([cards('r1', [[{ postback_id: 'yes' }, { postback_id: 'no', user_ids: ['x'] }], [{ postback_id: 'yes' }]])]);

  it('adds the user to every button sharing the postback id, once', () => {
    const state = run(start(), postback('yes', true));
    expect(buttons(state)).toEqual([[`yes:${ME}`, 'no:x'], [`yes:${ME}`]]);
    expect(reduce(state, postback('yes', true))).toBe(state);
  });

  it('removes the user when toggled off and leaves other users alone', () => {
    const state = run(start(), postback('yes', true), postback('no', true), postback('yes', false));
    expect(buttons(state)).toEqual([['yes:', `no:x+${ME}`], ['yes:']]);
  });

  it('ignores postbacks for unknown events or non-rich events', () => {
    const state = loggedIn([message('r1', { order: 1 })]);
    expect(reduce(state, postback('yes', true))).toBe(state);
    const empty = loggedIn();
    expect(reduce(empty, postback('yes', true))).toBe(empty);
  });
});

describe('reduce: properties', () => {
  it('unwraps {value} from fetched chats and threads', () => {
    const state = run(loggedIn(), {
      type: 'chat_fetched',
      chat: chat([thread(THREAD, 1, [], { properties: { rating: { score: { value: 1 }, comment: { value: 'great' } } } })], {
        properties: { source: { type: { value: 'facebook' } } },
      }),
    });
    expect(state.chats[CHAT]!.properties).toEqual({ source: { type: 'facebook' } });
    expect(selectRating(state)).toEqual({ score: 1, comment: 'great' });
  });

  it('merges updated thread properties and removes deleted ones', () => {
    const updated = run(
      loggedIn(),
      push('chat_thread_properties_updated', { chat_id: CHAT, thread_id: THREAD, properties: { rating: { score: { value: 0 } } } }),
      push('chat_thread_properties_updated', { chat_id: CHAT, thread_id: THREAD, properties: { rating: { comment: { value: 'slow' } } } }),
    );
    expect(selectRating(updated)).toEqual({ score: 0, comment: 'slow' });
    const deleted = reduce(updated, push('chat_thread_properties_deleted', { chat_id: CHAT, thread_id: THREAD, properties: { rating: ['score'] } }));
    expect(deleted.chats[CHAT]!.threads[THREAD]!.properties).toEqual({ rating: { comment: 'slow' } });
    expect(selectRating(deleted)).toBeNull();
  });

  it('merges chat properties and keeps event properties in the wire shape', () => {
    const state = run(
      loggedIn([message('e1', { order: 1 })]),
      push('chat_properties_updated', { chat_id: CHAT, properties: { routing: { idle: { value: false } } } }),
      push('event_properties_updated', { chat_id: CHAT, thread_id: THREAD, event_id: 'e1', properties: { x: { y: { value: 2 } } } }),
    );
    expect(state.chats[CHAT]!.properties.routing).toEqual({ idle: false });
    expect(state.chats[CHAT]!.threads[THREAD]!.events[0]!.properties).toEqual({ x: { y: { value: 2 } } });
  });

  it('does not invent a thread for a property push about one it does not hold', () => {
    const state = loggedIn();
    const next = reduce(state, push('chat_thread_properties_updated', { chat_id: CHAT, thread_id: 'OLD', properties: { a: { b: { value: 1 } } } }));
    expect(next).toBe(state);
  });
});

describe('reduce: typing', () => {
  const typing = (is_typing?: boolean) =>
    push('incoming_typing_indicator', { chat_id: CHAT, thread_id: THREAD, typing_indicator: { author_id: AGENT, is_typing } });

  it('shows the agent typing until is_typing false', () => {
    const state = run(loggedIn(), typing(true));
    expect(selectTypingAgent(state)).toMatchObject({ id: AGENT, name: 'Bart' });
    expect(selectTypingAgent(reduce(state, typing(false)))).toBeNull();
  });

  it('treats an indicator without is_typing (seed 002) as typing', () => {
    expect(selectTypingAgent(run(loggedIn(), typing()))?.id).toBe(AGENT);
  });

  it('expires on timeout only for the revision the timer was set for', () => {
    const first = run(loggedIn(), typing(true));
    const staleRevision = first.typing[CHAT]![AGENT]!;
    const again = reduce(first, typing(true));
    const stale = reduce(again, { type: 'typing_timeout', chatId: CHAT, authorId: AGENT, revision: staleRevision });
    expect(stale).toBe(again);
    const current = again.typing[CHAT]![AGENT]!;
    expect(selectTypingAgent(reduce(again, { type: 'typing_timeout', chatId: CHAT, authorId: AGENT, revision: current }))).toBeNull();
  });

  it("clears when that agent's message arrives, and ignores the customer's own indicator", () => {
    expect(selectTypingAgent(run(loggedIn(), typing(true), incoming(message('e1', { order: 1 }))))).toBeNull();
    const own = push('incoming_typing_indicator', { chat_id: CHAT, typing_indicator: { author_id: ME, is_typing: true } });
    const state = loggedIn();
    expect(reduce(state, own)).toBe(state);
  });
});

describe('reduce: availability, users, read receipts', () => {
  it('takes availability from login and the lc2 groups_update multicast', () => {
    expect(selectAvailability(loggedIn([], true))).toBe('online');
    const offline = loggedIn([], false);
    expect(selectAvailability(offline)).toBe('offline');
    const back = reduce(
      offline,
      push('incoming_multicast', { type: 'lc2', content: { name: 'groups_update', groups: [{ id: 0, status: 'online_for_queue' }] } }),
    );
    expect(selectAvailability(back)).toBe('online');
    const other = push('incoming_multicast', { type: 'custom', content: { name: 'groups_update', groups: [{ id: 0, status: 'offline' }] } });
    expect(reduce(back, other)).toBe(back);
  });

  it('tracks the assigned agent through user added and removed, and falls back to the predicted agent', () => {
    const predicted = { id: 'p@x', name: 'Pred', type: 'agent' as const };
    const state = run(loggedIn(), {
      type: 'logged_in',
      response: { customer_id: ME, chats: [], __priv_dynamic_config: { online_groups_ids: [0], predicted_agent: predicted } },
    });
    expect(selectAgent(state)).toMatchObject({ id: AGENT, isPredicted: false });
    const removed = reduce(state, push('chat_user_removed', { chat_id: CHAT, thread_id: THREAD, user_id: AGENT, user_type: 'agent' }));
    expect(selectAgent(removed)).toMatchObject({ id: 'p@x', isPredicted: true });
    // The user directory keeps who wrote earlier messages.
    expect(removed.users[AGENT]?.name).toBe('Bart');
    const added = reduce(removed, push('chat_user_added', { chat_id: CHAT, thread_id: THREAD, user: { id: 'ann@x', type: 'agent', name: 'Ann' }, user_type: 'agent' }));
    expect(selectAgent(added)).toMatchObject({ id: 'ann@x', name: 'Ann', isPredicted: false });
  });

  it('updates the customer from customer_updated in either shape', () => {
    const wrapped = reduce(loggedIn(), push('customer_updated', { customer: { id: ME, type: 'customer', name: 'New' } }));
    expect(wrapped.users[ME]?.name).toBe('New');
    const flat = reduce(loggedIn(), push('customer_updated', { id: ME, type: 'customer', email: 'a@b.c' }));
    expect(flat.users[ME]).toMatchObject({ name: 'Me', email: 'a@b.c' });
  });

  it('counts events from others after the read receipt, in both receipt formats', () => {
    const events = [
      message('old', { order: 1, timestamp: 100 }),
      message('mine', { order: 2, timestamp: 200, author_id: ME }),
      message('new', { order: 3, timestamp: 300 }),
      message('newer', { order: 4, created_at: '1970-01-01T00:05:00.5Z' }),
    ];
    const seen = (timestamp: number) => push('last_seen_timestamp_updated', { user_id: ME, chat_id: CHAT, timestamp });
    expect(selectUnreadCount(run(loggedIn(events), seen(150)))).toBe(2);
    expect(selectUnreadCount(run(loggedIn(events), seen(300)))).toBe(1);
    const marked = push('events_marked_as_seen', { user_id: ME, chat_id: CHAT, seen_up_to: '1970-01-01T00:05:01Z' });
    expect(selectUnreadCount(run(loggedIn(events), marked))).toBe(0);
    // Receipts only move forward, so a reordered older one changes nothing.
    const later = run(loggedIn(events), marked);
    expect(reduce(later, seen(150))).toBe(later);
  });
});
