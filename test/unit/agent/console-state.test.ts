// The agent console's reducer and selectors, with plain objects shaped like the Agent RTM API
// v3.0 frames (seeds 000/002).
import { describe, expect, it } from 'vitest';
import { chatLists, displayName, formAnswers, noticeText, prechatAnswer, preview, ratingOf, timeline } from '../../../demo/agent/console-selectors';
import { initialState, reduce } from '../../../demo/agent/console-state';
import type { ConsoleAction, ConsoleState } from '../../../demo/agent/console-state';

const ME = 'agent@chatlet.test';
const BOT = 'bot@chatlet.test';
const CUSTOMER = 'c-1';
const users = [
  { id: CUSTOMER, type: 'customer', name: 'Ann Lee', email: 'ann@example.com' },
  { id: ME, type: 'agent', name: 'Alex Agent' },
  { id: BOT, type: 'agent', name: 'Chatlet Bot' },
];
const at = (s: number) => `2024-01-01T12:00:${String(s).padStart(2, '0')}.000000Z`;
const msg = (id: string, author: string, text: string, order: number) => ({ id, type: 'message', author_id: author, text, order, created_at: at(order) });

function snapshot(id: string, thread: Record<string, unknown>) {
  return { id, users, thread: { id: `T-${id}`, order: 1, active: true, user_ids: [CUSTOMER], events: [], ...thread } };
}

function run(...actions: ConsoleAction[]): ConsoleState {
  return actions.reduce(reduce, reduce(initialState(), { type: 'logged_in', payload: { my_profile: { id: ME, name: 'Alex Agent' } } }));
}

const push = (action: string, payload: Record<string, unknown>): ConsoleAction => ({ type: 'push', action, payload });
const listed = (...chats: unknown[]): ConsoleAction => ({ type: 'chats_listed', chats: chats as Record<string, unknown>[] });

describe('console reducer', () => {
  it('logs in as the profile of the login answer', () => {
    const state = run();
    expect(state.me).toEqual({ id: ME, name: 'Alex Agent' });
    expect(state.connection).toBe('online');
    expect(reduce(state, { type: 'signed_out' })).toEqual(initialState());
  });

  it('sorts listed chats into queue, mine, others and closed, newest activity first', () => {
    const state = run(
      listed(
        snapshot('queued', { events: [msg('e1', CUSTOMER, 'hello?', 5)] }),
        snapshot('mine', { user_ids: [CUSTOMER, ME], events: [msg('e2', CUSTOMER, 'hi', 2)] }),
        snapshot('bots', { user_ids: [CUSTOMER, BOT], events: [msg('e3', CUSTOMER, 'yo', 9)] }),
        snapshot('done', { active: false, user_ids: [CUSTOMER, ME] }),
        snapshot('newer', { user_ids: [CUSTOMER, ME], events: [msg('e4', CUSTOMER, 'later', 7)] }),
      ),
    );
    const lists = chatLists(state);
    expect(lists.queue.map((c) => c.id)).toEqual(['queued']);
    expect(lists.mine.map((c) => c.id)).toEqual(['newer', 'mine']);
    expect(lists.others.map((c) => c.id)).toEqual(['bots']);
    expect(lists.closed.map((c) => c.id)).toEqual(['done']);
    expect(state.chats.bots!.agentIds).toEqual([BOT]);
  });

  it('merges listings of the same thread by event id and order, and replaces an older thread only with a newer one', () => {
    let state = run(listed(snapshot('A', { events: [msg('e2', CUSTOMER, 'two', 2)] })));
    state = reduce(state, listed(snapshot('A', { events: [msg('e1', CUSTOMER, 'one', 1), { ...msg('e2', CUSTOMER, 'two (edited)', 2) }] })));
    expect(state.chats.A!.events.map((e) => e.text)).toEqual(['one', 'two (edited)']);
    state = reduce(state, listed(snapshot('A', { id: 'T-new', order: 5, events: [msg('n1', CUSTOMER, 'back again', 10)] })));
    expect(state.chats.A!.threadId).toBe('T-new');
    expect(state.chats.A!.events.map((e) => e.id)).toEqual(['n1']);
    state = reduce(state, listed(snapshot('A', { id: 'T-old', order: 3, events: [msg('o1', CUSTOMER, 'old', 1)] })));
    expect(state.chats.A!.threadId).toBe('T-new');
  });

  it('adds incoming events once, counting unread customer messages only in chats not open', () => {
    let state = run(listed(snapshot('A', {}), snapshot('B', {})), { type: 'select', chatId: 'B' });
    const event = msg('e1', CUSTOMER, 'hello', 1);
    state = reduce(state, push('incoming_event', { chat_id: 'A', thread_id: 'T-A', event }));
    state = reduce(state, push('incoming_event', { chat_id: 'A', thread_id: 'T-A', event }));
    state = reduce(state, push('incoming_event', { chat_id: 'B', thread_id: 'T-B', event: msg('e2', CUSTOMER, 'hi', 2) }));
    state = reduce(state, push('incoming_event', { chat_id: 'A', thread_id: 'T-A', event: msg('e3', ME, 'hey', 3) }));
    expect(state.chats.A!.events.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(state.chats.A!.unread).toBe(1);
    expect(state.chats.B!.unread).toBe(0);
    expect(preview(state.chats.A!)).toBe('hey');
    expect(reduce(state, { type: 'select', chatId: 'A' }).chats.A!.unread).toBe(0);
    const otherThread = reduce(state, push('incoming_event', { chat_id: 'A', thread_id: 'T-elsewhere', event: msg('x', CUSTOMER, 'x', 4) }));
    expect(otherThread.chats.A!.events).toHaveLength(2);
  });

  it('shows the sneak peek and typing until the customer sends the message', () => {
    let state = run(listed(snapshot('A', { user_ids: [CUSTOMER, ME] })));
    state = reduce(state, push('incoming_sneak_peek', { chat_id: 'A', thread_id: 'T-A', sneak_peek: { author_id: CUSTOMER, text: 'Do you ship to Pol' } }));
    state = reduce(state, push('incoming_typing_indicator', { chat_id: 'A', typing_indicator: { author_id: CUSTOMER, is_typing: true } }));
    state = reduce(state, push('incoming_typing_indicator', { chat_id: 'A', typing_indicator: { author_id: ME, is_typing: true } }));
    expect(state.chats.A!.sneakPeek).toBe('Do you ship to Pol');
    expect(state.chats.A!.typing).toEqual([CUSTOMER]);
    const sent = reduce(state, push('incoming_event', { chat_id: 'A', event: msg('e1', CUSTOMER, 'Do you ship to Poland?', 1) }));
    expect(sent.chats.A!.sneakPeek).toBeUndefined();
    expect(sent.chats.A!.typing).toEqual([]);
    const cleared = reduce(state, push('incoming_sneak_peek', { chat_id: 'A', sneak_peek: { author_id: CUSTOMER, text: '' } }));
    expect(cleared.chats.A!.sneakPeek).toBeUndefined();
    const stopped = reduce(state, push('incoming_typing_indicator', { chat_id: 'A', typing_indicator: { author_id: CUSTOMER, is_typing: false } }));
    expect(stopped.chats.A!.typing).toEqual([]);
  });

  it('marks pressed buttons and adds a postback notice after the events that were there', () => {
    const rich = {
      id: 'r1',
      type: 'rich_message',
      author_id: ME,
      order: 2,
      template_id: 'quick_replies',
      elements: [{ title: 'Helpful?', buttons: [{ text: 'Yes', postback_id: 'yes', user_ids: [] }, { text: 'No', postback_id: 'no', user_ids: [] }] }],
    };
    let state = run(listed(snapshot('A', { user_ids: [CUSTOMER, ME], events: [msg('e1', CUSTOMER, 'hi', 1), rich] })));
    const postback = (toggled: boolean) => push('incoming_rich_message_postback', { user_id: CUSTOMER, chat_id: 'A', thread_id: 'T-A', event_id: 'r1', postback: { id: 'yes', toggled } });
    state = reduce(state, postback(true));
    state = reduce(state, push('incoming_event', { chat_id: 'A', event: msg('e3', CUSTOMER, 'Yes', 3) }));
    const chat = state.chats.A!;
    expect(chat.events[1]!.elements[0].buttons.map((b: { user_ids: string[] }) => b.user_ids)).toEqual([[CUSTOMER], []]);
    expect(timeline(chat).map((i) => (i.kind === 'event' ? i.event.id : noticeText(chat, i.notice)))).toEqual(['e1', 'r1', 'Ann Lee clicked “Yes”', 'e3']);
    const undone = reduce(state, postback(false)).chats.A!;
    expect(undone.events[1]!.elements[0].buttons[0].user_ids).toEqual([]);
    expect(noticeText(undone, undone.notices.at(-1)!)).toBe('Ann Lee unselected “Yes”');
  });

  it('closes the thread, keeps the rating from thread properties, and tracks who joins and leaves', () => {
    let state = run(listed(snapshot('A', { user_ids: [CUSTOMER, BOT] })));
    state = reduce(state, push('chat_user_added', { chat_id: 'A', thread_id: 'T-A', user: { id: ME, type: 'agent', name: 'Alex Agent' }, user_type: 'agent' }));
    expect(chatLists(state).mine.map((c) => c.id)).toEqual(['A']);
    state = reduce(state, push('chat_user_removed', { chat_id: 'A', thread_id: 'T-A', user_id: BOT, user_type: 'agent' }));
    expect(state.chats.A!.agentIds).toEqual([ME]);
    state = reduce(state, push('incoming_typing_indicator', { chat_id: 'A', typing_indicator: { author_id: CUSTOMER, is_typing: true } }));
    state = reduce(state, push('thread_closed', { chat_id: 'A', thread_id: 'T-A', user_id: ME }));
    expect(state.chats.A!.active).toBe(false);
    expect(state.chats.A!.typing).toEqual([]);
    expect(ratingOf(state.chats.A!)).toBeUndefined();
    state = reduce(state, push('chat_thread_properties_updated', { chat_id: 'A', thread_id: 'T-A', properties: { rating: { score: { value: 1 }, comment: { value: 'Quick!' } } } }));
    expect(ratingOf(state.chats.A!)).toEqual({ score: 1, comment: 'Quick!' });
    state = reduce(state, push('chat_thread_properties_updated', { chat_id: 'A', thread_id: 'T-A', properties: { rating: { score: { value: 0 } } } }));
    expect(ratingOf(state.chats.A!)).toEqual({ score: 0, comment: 'Quick!' });
    const elsewhere = reduce(state, push('chat_thread_properties_updated', { chat_id: 'A', thread_id: 'T-old', properties: { rating: { score: { value: 1 } } } }));
    expect(ratingOf(elsewhere.chats.A!)?.score).toBe(0);
  });

  it('takes a new thread from incoming_chat_thread and ignores malformed or unknown pushes', () => {
    let state = run();
    state = reduce(state, push('incoming_chat_thread', { chat: snapshot('N', { user_ids: [CUSTOMER, ME] }) }));
    expect(chatLists(state).mine.map((c) => c.id)).toEqual(['N']);
    for (const action of ['incoming_chat_thread', 'incoming_event', 'incoming_sneak_peek', 'incoming_typing_indicator', 'incoming_rich_message_postback', 'thread_closed', 'chat_thread_properties_updated', 'chat_user_added', 'chat_user_removed', 'no_such_push']) {
      expect(reduce(state, push(action, {}))).toBe(state);
      expect(reduce(state, push(action, { chat_id: 'unknown', event: 1, chat: 'x', user: null, postback: 5, typing_indicator: [] }))).toBe(state);
    }
    expect(reduce(state, listed(null, 'x', { users: 'nope' }))).toEqual(state);
  });

  it('keeps and dismisses errors', () => {
    const failed = reduce(run(), { type: 'failed', message: 'Message not sent: connection lost' });
    expect(failed.error).toBe('Message not sent: connection lost');
    expect(reduce(failed, { type: 'dismiss_error' }).error).toBeUndefined();
    expect(reduce(failed, { type: 'connection', state: 'reconnecting' }).connection).toBe('reconnecting');
  });
});

describe('console selectors', () => {
  it('reads form answers in the v3.1 and the seed shapes', () => {
    const form = {
      type: 'filled_form',
      fields: [
        { label: 'Name:', type: 'name', answer: 'Ann' },
        { label: 'Topic:', type: 'radio', answer: { id: 'tech', label: 'Technical' } },
        { label: 'Interests:', type: 'checkbox', answers: [{ id: 'a', label: 'API' }, { id: 'w', label: 'Widget' }] },
        { label: 'Country', type: 'select', options: [{ value: 'usa', checked: false }, { value: 'pl', checked: true }] },
        { label: 'Your email', type: 'email', value: 'jan@example.com' },
        { label: 'Skipped', type: 'question' },
      ],
    };
    expect(formAnswers(form)).toEqual([
      { label: 'Name:', answer: 'Ann' },
      { label: 'Topic:', answer: 'Technical' },
      { label: 'Interests:', answer: 'API, Widget' },
      { label: 'Country', answer: 'pl' },
      { label: 'Your email', answer: 'jan@example.com' },
    ]);
  });

  it('names a customer by name, then the prechat name, then e-mail, then a short id', () => {
    const form = { id: 'f', type: 'filled_form', author_id: 'c-3', order: 1, fields: [{ type: 'name', label: 'Name:', answer: ' Cy ' }] };
    const state = run(
      listed(
        snapshot('A', {}),
        { ...snapshot('B', {}), users: [{ id: 'c-2', type: 'customer', email: 'bo@example.com' }] },
        { ...snapshot('C', {}), users: [{ id: 'abcdef123', type: 'customer' }] },
        { ...snapshot('D', { events: [form] }), users: [{ id: 'c-3', type: 'customer', email: 'cy@example.com' }] },
      ),
    );
    expect(['A', 'B', 'C', 'D'].map((id) => displayName(state.chats[id]!))).toEqual(['Ann Lee', 'bo@example.com', 'Visitor abcdef', 'Cy']);
    expect(prechatAnswer(state.chats.D!, 'name')).toBe('Cy');
    expect(prechatAnswer(state.chats.D!, 'email')).toBeUndefined();
  });
});
