import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/chat/state/change';
import { fromPush } from '../../../../src/chat/state/from-push';
import { fromReply } from '../../../../src/chat/state/from-reply';
import { reduce } from '../../../../src/chat/state/reduce';
import type { ChatState } from '../../../../src/chat/state/chat-state';
import type { PushName } from '../../../../src/protocol/types';
import samples from '../../../fixtures/seed-samples.json';
import { CHAT, loggedIn, message, timelineOf } from './builders';

const NAMES: PushName[] = [
  'incoming_chat_thread', 'thread_closed', 'access_set', 'chat_transferred', 'chat_user_added', 'chat_user_removed',
  'incoming_event', 'event_updated', 'incoming_rich_message_postback', 'chat_properties_updated', 'chat_properties_deleted',
  'chat_thread_properties_updated', 'chat_thread_properties_deleted', 'event_properties_updated', 'event_properties_deleted',
  'customer_updated', 'customer_page_updated', 'customer_side_storage_updated', 'customer_disconnected',
  'incoming_typing_indicator', 'incoming_multicast', 'last_seen_timestamp_updated', 'events_marked_as_seen', 'incoming_greeting',
];

const pushed = (state: ChatState, name: string, payload: unknown) => fromPush(name, payload).reduce(reduce, state);
const chatOf = (threads: unknown[], extra: object = {}) => ({ id: CHAT, users: [], threads, ...extra });

describe('pushes into the chat state: robustness', () => {
  it('never throws on malformed push payloads', () => {
    const state = loggedIn([message('e1', { order: 1 })]);
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ chat_id: fc.constantFrom(CHAT, '', 5), thread_id: fc.anything(), event: fc.anything(), chat: fc.anything(), properties: fc.anything(), postback: fc.anything(), typing_indicator: fc.anything(), content: fc.anything(), customer: fc.anything() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), payload, (name, p) => {
        expect(() => pushed(state, name, p)).not.toThrow();
      }),
    );
  });

  it('ends in the same timeline whatever the order and duplication of the pushes', () => {
    const steps: Change[][] = [
      fromPush('incoming_chat_thread', { chat: { id: CHAT, users: [], thread: { id: 'T2', order: 2, active: true, user_ids: [], events: [message('a', { order: 1 })] } } }),
      fromPush('incoming_event', { chat_id: CHAT, thread_id: 'T2', event: message('b', { order: 2 }) }),
      fromPush('incoming_event', { chat_id: CHAT, thread_id: 'T2', event: message('c', { created_at: '2024-01-01T00:00:00.000002Z', order: 3 }) }),
      fromReply('get_chat_threads', { chat_id: CHAT }, { chat: chatOf([{ id: 'T1', order: 1, active: false, user_ids: [], events: [message('old', { order: 1 })] }]) as never }),
      fromPush('thread_closed', { chat_id: CHAT, thread_id: 'T1' }),
    ];
    const sequences = fc.array(fc.integer({ min: 0, max: steps.length - 1 }), { maxLength: 8 }).chain((extra) =>
      fc.shuffledSubarray([...steps.keys(), ...extra], { minLength: steps.length + extra.length }),
    );
    fc.assert(
      fc.property(sequences, (order) => {
        const state = order.flatMap((i) => steps[i]!).reduce(reduce, loggedIn());
        expect(timelineOf(state).map((i) => i.key)).toEqual(['old', 'a', 'b', 'c']);
        expect(state.chats[state.currentChatId!]!.active).toBe(true);
      }),
    );
  });

  it('takes every seed push sample and the seed response samples without throwing', () => {
    let state = loggedIn([message('e1', { order: 1 })]);
    for (const [name, sample] of Object.entries(samples.agent_pushes_v3_0.pushes)) {
      state = pushed(state, name, (sample as { payload: { json?: unknown } }).payload.json);
    }
    expect(state.chats['123-123-123-123']!.properties.rating).toEqual({ score: 1, comment: 'Very good, veeeery good' });
    expect(state.users['b7eff798-f8df-4364-8059-649c35c9ed0c']).toMatchObject({ name: 'John Doe', email: 'john@doe.me' });
    const methods = samples.customer_rtm_v3_1.methods;
    const reply = (action: 'get_chats_summary' | 'get_chat_threads', payload: unknown) => fromReply(action, {} as never, payload as never).reduce(reduce, state);
    state = reply('get_chats_summary', methods.get_chats_summary.response.json.payload);
    state = reply('get_chat_threads', methods.get_chat_threads.response.json.payload);
    state = reply('get_chat_threads', { chat: methods.start_chat.response.json.payload.chat });
    expect(state.chats['123']!.lastThreadId).toBe('xyz');
    expect(state.chats.PJ0MRSHTDG!.order).toBe(343544565);
  });
});
