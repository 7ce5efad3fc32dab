import { describe, expect, it } from 'vitest';
import { fromLogin } from '../../../../src/chat/state/from-login';
import { fromReply } from '../../../../src/chat/state/from-reply';
import { AGENT, CHAT, ME, THREAD, USERS, message } from './builders';

const events = [
  { type: 'filled_form' as const, form_id: 'F', fields: [], custom_id: 'c1' },
  { type: 'message' as const, text: 'hi', custom_id: 'c2' },
];

describe('fromReply', () => {
  it('get_chat_threads: the chat, its users and every thread with its events, properties unwrapped', () => {
    const chat = {
      id: CHAT,
      order: 5,
      users: USERS,
      properties: { source: { type: { value: 'facebook' } } },
      threads: [{ id: THREAD, order: 1, active: false, user_ids: [], properties: { rating: { score: { value: 1 } } }, events: [message('e1'), { junk: true }] }],
    };
    expect(fromReply('get_chat_threads', { chat_id: CHAT }, { chat: chat as never })).toEqual([
      { type: 'chat_updated', chatId: CHAT, order: 5, userIds: [ME, AGENT], properties: { source: { type: 'facebook' } }, lastThreadId: undefined, active: undefined },
      { type: 'users_changed', users: USERS },
      { type: 'thread_updated', chatId: CHAT, threadId: THREAD, order: 1, active: false, timestamp: undefined, createdAt: undefined, properties: { rating: { score: 1 } } },
      { type: 'events_added', chatId: CHAT, threadId: THREAD, events: [message('e1')], live: false },
    ]);
  });

  it("takes read receipts from the users' objects, in both formats", () => {
    const users = [
      { id: ME, type: 'customer', last_seen_timestamp: 100 },
      { id: AGENT, type: 'agent', events_seen_up_to: '1970-01-01T00:05:00Z' },
      { id: 'x@y', type: 'agent' },
    ];
    const changes = fromReply('get_chat_threads', { chat_id: CHAT }, { chat: { id: CHAT, users } as never });
    expect(changes.filter((c) => c.type === 'seen_updated')).toEqual([
      { type: 'seen_updated', chatId: CHAT, userId: ME, seenUpTo: 100_000 },
      { type: 'seen_updated', chatId: CHAT, userId: AGENT, seenUpTo: 300_000 },
    ]);
  });

  it('get_chats_summary: each chat, then which ones are listed; junk entries are dropped', () => {
    const changes = fromReply('get_chats_summary', {}, { chats_summary: [null, { id: CHAT, users: [], last_thread_id: THREAD, active: true }] as never, total_chats: 2 });
    expect(changes[0]).toMatchObject({ type: 'chat_updated', chatId: CHAT, lastThreadId: THREAD, active: true });
    expect(changes.at(-1)).toEqual({ type: 'chats_listed', chatIds: [CHAT] });
  });

  it('start_chat with ids only: the thread opened, and every entry sent confirmed with its event id', () => {
    expect(fromReply('start_chat', { chat: { thread: { events } } }, { chat_id: CHAT, thread_id: THREAD, event_ids: ['E1', 'E2'] })).toEqual([
      { type: 'thread_opened', chatId: CHAT, threadId: THREAD },
      { type: 'event_confirmed', customId: 'c1', chatId: CHAT, threadId: THREAD, eventId: 'E1' },
      { type: 'event_confirmed', customId: 'c2', chatId: CHAT, threadId: THREAD, eventId: 'E2' },
    ]);
  });

  it('activate_chat with the full chat (the seed): the chat taken in live, the thread opened, the entries confirmed', () => {
    const chat = { id: CHAT, users: [], thread: { id: 'T2', order: 2, active: true, user_ids: [], events: [message('E2', { custom_id: 'c2' })] } };
    const changes = fromReply('activate_chat', { chat: { id: CHAT, thread: { events } } }, { chat: chat as never });
    expect(changes).toContainEqual({ type: 'events_added', chatId: CHAT, threadId: 'T2', events: chat.thread.events, live: true });
    expect(changes.slice(-3)).toEqual([
      { type: 'thread_opened', chatId: CHAT, threadId: 'T2' },
      { type: 'event_confirmed', customId: 'c1', chatId: CHAT, threadId: 'T2', eventId: undefined },
      { type: 'event_confirmed', customId: 'c2', chatId: CHAT, threadId: 'T2', eventId: undefined },
    ]);
  });

  it('activate_chat with ids only names the chat it was sent to', () => {
    expect(fromReply('activate_chat', { chat: { id: CHAT, thread: { events: [events[1]!] } } }, { thread_id: 'T3' })).toEqual([
      { type: 'thread_opened', chatId: CHAT, threadId: 'T3' },
      { type: 'event_confirmed', customId: 'c2', chatId: CHAT, threadId: 'T3', eventId: undefined },
    ]);
  });

  it('send_event: the entry confirmed, and the event itself when the answer carries it', () => {
    const request = { chat_id: CHAT, event: events[1]! };
    expect(fromReply('send_event', request, { event_id: 'E9' })).toEqual([{ type: 'event_confirmed', customId: 'c2', chatId: CHAT, threadId: undefined, eventId: 'E9' }]);
    const event = message('E9', { author_id: ME, custom_id: 'c2' });
    expect(fromReply('send_event', request, { thread_id: THREAD, event })).toEqual([
      { type: 'events_added', chatId: CHAT, threadId: THREAD, events: [event], live: true },
      { type: 'event_confirmed', customId: 'c2', chatId: CHAT, threadId: THREAD, eventId: 'E9' },
    ]);
  });

  it('get_chat_threads_summary: the page and the total; an empty page ends the paging', () => {
    const page = [{ id: 'T1', order: 1, total_events: 3 }];
    expect(fromReply('get_chat_threads_summary', { chat_id: CHAT, offset: 0 }, { threads_summary: page, total_threads: 4 })).toEqual([
      { type: 'threads_listed', chatId: CHAT, summaries: page, total: 4 },
    ]);
    expect(fromReply('get_chat_threads_summary', { chat_id: CHAT, offset: 3 }, { threads_summary: [], total_threads: 9 })).toEqual([
      { type: 'threads_listed', chatId: CHAT, summaries: [], total: 3 },
    ]);
  });

  it('get_form and the rating', () => {
    const form = { id: 'F1', fields: [] };
    expect(fromReply('get_form', { group_id: 0, type: 'prechat' }, { enabled: true, form })).toEqual([{ type: 'form_loaded', formType: 'prechat', enabled: true, form }]);
    expect(fromReply('get_form', { group_id: 0, type: 'postchat' }, { enabled: true })).toEqual([{ type: 'form_loaded', formType: 'postchat', enabled: false, form: null }]);
    const rating = { chat_id: CHAT, thread_id: THREAD, properties: { rating: { score: 1 } } };
    expect(fromReply('update_chat_thread_properties', rating, {})).toEqual([{ type: 'properties_changed', chatId: CHAT, threadId: THREAD, set: { rating: { score: 1 } } }]);
    expect(fromReply('send_rich_message_postback', { chat_id: CHAT, thread_id: THREAD, event_id: 'e', postback: { id: 'p', toggled: true } }, {})).toEqual([]);
  });
});

describe('fromLogin', () => {
  it('takes who the visitor is, the online groups, the predicted agent, the greeting and the chats', () => {
    const predicted = { id: 'p@x', name: 'Pred' };
    expect(
      fromLogin({
        customer_id: ME,
        chats: [{ chat_id: CHAT, has_active_thread: true, has_unread_events: true }, { chat_id: 'OLD' }, { chat_id: 5 } as never],
        __priv_dynamic_config: { online_groups_ids: [0, 2], predicted_agent: predicted },
      }),
    ).toEqual([
      {
        type: 'logged_in',
        customerId: ME,
        onlineGroups: [0, 2],
        predictedAgent: predicted,
        greeting: null,
        chats: [
          { id: CHAT, active: true, unread: true },
          { id: 'OLD', active: undefined, unread: false },
        ],
      },
    ]);
  });

  it("reads released v3.1's top-level has_active_thread for the visitor's only chat", () => {
    const [change] = fromLogin({ customer_id: ME, has_active_thread: false, chats: [{ chat_id: CHAT }] });
    expect(change).toMatchObject({ chats: [{ id: CHAT, active: false, unread: false }] });
  });
});
