import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatAction } from '../../../src/chat/chat-action';
import { reduce } from '../../../src/chat/reducer';
import { selectIsChatActive, selectTimeline } from '../../../src/chat/selectors';
import type { PushName } from '../../../src/protocol/types';
import samples from '../../fixtures/seed-samples.json';
import { CHAT, chat, incoming, loggedIn, message, push, thread } from './builders';

const NAMES: PushName[] = [
  'incoming_chat_thread', 'thread_closed', 'access_set', 'chat_transferred', 'chat_user_added', 'chat_user_removed',
  'incoming_event', 'event_updated', 'incoming_rich_message_postback', 'chat_properties_updated', 'chat_properties_deleted',
  'chat_thread_properties_updated', 'chat_thread_properties_deleted', 'event_properties_updated', 'event_properties_deleted',
  'customer_updated', 'customer_page_updated', 'customer_side_storage_updated', 'customer_disconnected',
  'incoming_typing_indicator', 'incoming_multicast', 'last_seen_timestamp_updated', 'events_marked_as_seen', 'incoming_greeting',
];

describe('reduce: robustness', () => {
  it('never throws on malformed push payloads', () => {
    const state = loggedIn([message('e1', { order: 1 })]);
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ chat_id: fc.constantFrom(CHAT, '', 5), thread_id: fc.anything(), event: fc.anything(), chat: fc.anything(), properties: fc.anything(), postback: fc.anything(), typing_indicator: fc.anything(), content: fc.anything(), customer: fc.anything() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), payload, (name, p) => {
        expect(() => reduce(state, { type: 'push', name, payload: p } as ChatAction)).not.toThrow();
      }),
    );
  });

  it('ends in the same timeline whatever the order and duplication of the pushes', () => {
    const pushes: ChatAction[] = [
      push('incoming_chat_thread', { chat: { ...chat([]), threads: undefined, thread: thread('T2', 2, [message('a', { order: 1 })]) } }),
      incoming(message('b', { order: 2 }), 'T2'),
      incoming(message('c', { created_at: '2024-01-01T00:00:00.000002Z', order: 3 }), 'T2'),
      { type: 'chat_fetched', chat: chat([thread('T1', 1, [message('old', { order: 1 })], { active: false })]) },
      push('thread_closed', { chat_id: CHAT, thread_id: 'T1' }),
    ];
    const sequences = fc.array(fc.integer({ min: 0, max: pushes.length - 1 }), { maxLength: 8 }).chain((extra) =>
      fc.shuffledSubarray([...pushes.keys(), ...extra], { minLength: pushes.length + extra.length }),
    );
    fc.assert(
      fc.property(sequences, (order) => {
        const state = order.map((i) => pushes[i]!).reduce(reduce, loggedIn());
        expect(selectTimeline(state).map((i) => i.key)).toEqual(['old', 'a', 'b', 'c']);
        expect(selectIsChatActive(state)).toBe(true);
      }),
    );
  });

  it('takes every seed push sample and the seed response samples without throwing', () => {
    let state = loggedIn([message('e1', { order: 1 })]);
    for (const [name, sample] of Object.entries(samples.agent_pushes_v3_0.pushes)) {
      const payload = (sample as { payload: { json?: unknown } }).payload.json;
      state = reduce(state, { type: 'push', name, payload } as ChatAction);
    }
    expect(state.chats['123-123-123-123']!.properties.rating).toEqual({ score: 1, comment: 'Very good, veeeery good' });
    expect(state.users['b7eff798-f8df-4364-8059-649c35c9ed0c']).toMatchObject({ name: 'John Doe', email: 'john@doe.me' });
    const methods = samples.customer_rtm_v3_1.methods;
    state = reduce(state, { type: 'chats_summary', chats: methods.get_chats_summary.response.json.payload.chats_summary as never });
    state = reduce(state, { type: 'chat_fetched', chat: methods.get_chat_threads.response.json.payload.chat as never });
    state = reduce(state, { type: 'chat_fetched', chat: methods.start_chat.response.json.payload.chat as never });
    expect(state.chats['123']!.lastThreadId).toBe('xyz');
    expect(state.chats.PJ0MRSHTDG!.order).toBe(343544565);
  });
});
