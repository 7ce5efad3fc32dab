import { describe, expect, it } from 'vitest';
import { fromPush } from '../../../../src/chat/state/from-push';
import { AGENT, CHAT, ME, THREAD, message } from './builders';

describe('fromPush', () => {
  it('brings events: live from incoming_event, not from event_updated; without thread_id into the last thread', () => {
    const e = message('e1', { order: 1 });
    expect(fromPush('incoming_event', { chat_id: CHAT, thread_id: THREAD, event: e })).toEqual([
      { type: 'events_added', chatId: CHAT, threadId: THREAD, events: [e], live: true },
    ]);
    expect(fromPush('event_updated', { chat_id: CHAT, thread_id: THREAD, event: e })).toEqual([
      { type: 'events_added', chatId: CHAT, threadId: THREAD, events: [e], live: false },
    ]);
    expect(fromPush('incoming_event', { chat_id: CHAT, event: e })).toEqual([{ type: 'events_added', chatId: CHAT, threadId: null, events: [e], live: true }]);
  });

  it('drops malformed events and pushes without the fields their change needs', () => {
    for (const event of [{ type: 'message', text: 'no id' }, null, 'x', { id: 5, type: 'message' }, { id: '', type: 'message' }]) {
      expect(fromPush('incoming_event', { chat_id: CHAT, thread_id: THREAD, event })).toEqual([]);
    }
    expect(fromPush('incoming_event', { chat_id: 5, event: message('e1') })).toEqual([]);
    expect(fromPush('thread_closed', { chat_id: CHAT })).toEqual([]);
    expect(fromPush('incoming_event', null)).toEqual([]);
    expect(fromPush('access_set', { resource: 'chat', id: CHAT, access: {} })).toEqual([]);
    // The state's maps are keyed by ids: one named like an Object.prototype member is no id (a fuzz run found it).
    expect(fromPush('thread_closed', { chat_id: 'toString', thread_id: THREAD })).toEqual([]);
    expect(fromPush('incoming_event', { chat_id: CHAT, event: message('__proto__') })).toEqual([]);
  });

  it('brings a started thread: the chat, its users, the thread and its events, and opens it', () => {
    const changes = fromPush('incoming_chat_thread', {
      chat: { id: CHAT, users: [{ id: AGENT, type: 'agent' }], thread: { id: 'T2', order: 7, active: true, user_ids: [], events: [message('e1')] } },
    });
    expect(changes.map((c) => c.type)).toEqual(['chat_updated', 'users_changed', 'thread_updated', 'events_added', 'thread_opened']);
    expect(changes).toContainEqual({ type: 'events_added', chatId: CHAT, threadId: 'T2', events: [message('e1')], live: true });
    expect(changes.at(-1)).toEqual({ type: 'thread_opened', chatId: CHAT });
  });

  it('brings thread_closed, users joining and leaving', () => {
    expect(fromPush('thread_closed', { chat_id: CHAT, thread_id: THREAD })).toEqual([{ type: 'thread_closed', chatId: CHAT, threadId: THREAD }]);
    const ann = { id: 'ann@x', type: 'agent', name: 'Ann' };
    expect(fromPush('chat_user_added', { chat_id: CHAT, thread_id: THREAD, user: ann, user_type: 'agent' })).toEqual([
      { type: 'users_changed', users: [ann] },
      { type: 'user_joined', chatId: CHAT, userId: 'ann@x' },
    ]);
    expect(fromPush('chat_user_removed', { chat_id: CHAT, thread_id: THREAD, user_id: AGENT, user_type: 'agent' })).toEqual([
      { type: 'user_left', chatId: CHAT, userId: AGENT },
    ]);
  });

  it('brings a pressed rich-message button, checked', () => {
    const push = { user_id: ME, chat_id: CHAT, thread_id: THREAD, event_id: 'r1', postback: { id: 'yes', toggled: true } };
    expect(fromPush('incoming_rich_message_postback', push)).toEqual([
      { type: 'button_toggled', chatId: CHAT, threadId: THREAD, eventId: 'r1', userId: ME, postbackId: 'yes', on: true },
    ]);
    expect(fromPush('incoming_rich_message_postback', { ...push, postback: { id: 'yes' } })).toEqual([]);
  });

  it('unwraps {value} from property updates and keeps only names from deletions', () => {
    expect(fromPush('chat_thread_properties_updated', { chat_id: CHAT, thread_id: THREAD, properties: { rating: { score: { value: 0 } } } })).toEqual([
      { type: 'properties_changed', chatId: CHAT, threadId: THREAD, set: { rating: { score: 0 } } },
    ]);
    expect(fromPush('chat_properties_updated', { chat_id: CHAT, properties: { routing: { idle: { value: false } } } })).toEqual([
      { type: 'properties_changed', chatId: CHAT, set: { routing: { idle: false } } },
    ]);
    expect(fromPush('event_properties_deleted', { chat_id: CHAT, thread_id: THREAD, event_id: 'e1', properties: { x: ['y', 5], z: 'no' } })).toEqual([
      { type: 'properties_changed', chatId: CHAT, threadId: THREAD, eventId: 'e1', deleted: { x: ['y'] } },
    ]);
    expect(fromPush('event_properties_updated', { chat_id: CHAT, thread_id: THREAD, properties: {} })).toEqual([]);
  });

  it('treats a typing indicator without is_typing (seed 002) as typing', () => {
    const typing = (is_typing?: boolean) => fromPush('incoming_typing_indicator', { chat_id: CHAT, typing_indicator: { author_id: AGENT, is_typing } });
    expect(typing()).toEqual([{ type: 'typing_changed', chatId: CHAT, authorId: AGENT, typing: true }]);
    expect(typing(false)).toEqual([{ type: 'typing_changed', chatId: CHAT, authorId: AGENT, typing: false }]);
  });

  it('takes customer_updated in either shape', () => {
    const me = { id: ME, type: 'customer', name: 'New' };
    expect(fromPush('customer_updated', { customer: me })).toEqual([{ type: 'users_changed', users: [me] }]);
    expect(fromPush('customer_updated', me)).toEqual([{ type: 'users_changed', users: [me] }]);
  });

  it('takes availability from the lc2 groups_update multicast only', () => {
    const content = { name: 'groups_update', groups: [{ id: 0, status: 'online_for_queue' }, { id: 1, status: 'gone' }] };
    expect(fromPush('incoming_multicast', { type: 'lc2', content })).toEqual([{ type: 'groups_changed', statuses: { 0: 'online_for_queue' } }]);
    expect(fromPush('incoming_multicast', { type: 'custom', content })).toEqual([]);
  });

  it('takes read receipts in both formats, in ms', () => {
    expect(fromPush('last_seen_timestamp_updated', { user_id: AGENT, chat_id: CHAT, timestamp: 150 })).toEqual([
      { type: 'seen_updated', chatId: CHAT, userId: AGENT, seenUpTo: 150_000 },
    ]);
    expect(fromPush('events_marked_as_seen', { user_id: AGENT, chat_id: CHAT, seen_up_to: '1970-01-01T00:05:01Z' })).toEqual([
      { type: 'seen_updated', chatId: CHAT, userId: AGENT, seenUpTo: 301_000 },
    ]);
    expect(fromPush('events_marked_as_seen', { user_id: AGENT, chat_id: CHAT, seen_up_to: 'soon' })).toEqual([]);
  });
});
