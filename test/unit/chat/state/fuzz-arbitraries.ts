// fast-check arbitraries for the hostile-input fuzz tests: server data that is plausible, broken or
// junk, over a few shared ids so that pushes, fetches and sends collide, turned into changes by the
// chat layer's own translations; and the state invariants every reduced state must keep.
import fc from 'fast-check';
import type { Change } from '../../../../src/chat/state/change';
import type { ChatState } from '../../../../src/chat/state/chat-state';
import { compareEvents } from '../../../../src/chat/state/compare-events';
import { fromPush } from '../../../../src/chat/state/from-push';
import { fromReply } from '../../../../src/chat/state/from-reply';
import type { ChatEvent } from '../../../../src/protocol/types';
import { timelineOf } from './builders';

// The builders' logged-in chat and another one. Ids named like Object.prototype members never reach
// the reducer (the frame check drops them); the client fuzz tests send those.
const chatId = fc.constantFrom('PJ0MRSHTDG', 'C2');
const threadId = fc.constantFrom('T1', 'T2', 'T3');
const eventId = fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6');
export const customId = fc.constantFrom('c1', 'c2', 'c3', 'c4');
const userId = fc.constantFrom('me', 'agent@x', 'b7eff798-f8df-4364-8059-649c35c9ed0c');

/** Junk now and then instead of the value. */
const orJunk = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

/** Events ordered the draft way (`order`) or the released way (`created_at`, µs or ms). */
const order = fc.integer({ min: 0, max: 20 });
const createdAt = fc
  .tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 999_999 }), fc.boolean())
  .map(([s, us, micro]) => `2024-05-01T10:00:${String(s).padStart(2, '0')}.${micro ? String(us).padStart(6, '0') : String(us).padStart(6, '0').slice(0, 3)}Z`);

/** A server event: well-formed in its ids (a mix of order styles is a separate arbitrary), junk elsewhere. */
export const event = (style: 'order' | 'created_at' | 'any' = 'any'): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    {
      id: eventId,
      type: fc.constantFrom('message', 'file', 'rich_message', 'system_message', 'filled_form', 'custom', 'sticker?'),
      text: orJunk(fc.string()),
      author_id: orJunk(userId),
      custom_id: customId,
      recipients: orJunk(fc.constantFrom('all', 'agents')),
      elements: fc.anything(),
      fields: fc.anything(),
      ...(style === 'created_at' ? {} : { order }),
      ...(style === 'order' ? {} : { created_at: createdAt }),
    },
    { requiredKeys: ['id', 'type', ...(style === 'order' ? ['order'] : style === 'created_at' ? ['created_at'] : [])] as never[] },
  );

const thread = (style: 'order' | 'created_at' | 'any') =>
  fc.record(
    {
      id: threadId,
      order: orJunk(order),
      active: orJunk(fc.boolean()),
      events: orJunk(fc.array(orJunk(event(style)), { maxLength: 5 })),
      properties: fc.anything(),
      user_ids: fc.anything(),
    },
    { requiredKeys: ['id'] },
  );

const chat = (style: 'order' | 'created_at' | 'any') =>
  fc.record(
    {
      id: chatId,
      order: orJunk(order),
      users: orJunk(fc.array(orJunk(fc.record({ id: userId, type: fc.constantFrom('agent', 'customer'), name: fc.string() })))),
      threads: orJunk(fc.array(thread(style), { maxLength: 3 })),
      thread: orJunk(thread(style)),
      properties: fc.anything(),
      last_thread_id: orJunk(threadId),
      active: orJunk(fc.boolean()),
    },
    { requiredKeys: ['id'] },
  );

const PUSH_NAMES = [
  'incoming_chat_thread', 'thread_closed', 'incoming_event', 'event_updated', 'chat_user_added', 'chat_user_removed',
  'incoming_rich_message_postback', 'chat_properties_updated', 'chat_thread_properties_updated', 'event_properties_updated',
  'customer_updated', 'customer_side_storage_updated', 'incoming_typing_indicator', 'incoming_multicast',
  'last_seen_timestamp_updated', 'events_marked_as_seen', 'incoming_greeting', 'chat_transferred', 'access_set',
];

/** A push's payload: the fields its handler reads, each plausible or junk. */
export const pushPayload = (style: 'order' | 'created_at' | 'any' = 'any') =>
  fc.record(
    {
      chat_id: orJunk(chatId),
      thread_id: orJunk(threadId),
      event_id: orJunk(eventId),
      event: orJunk(event(style)),
      chat: orJunk(chat(style)),
      user_id: orJunk(userId),
      user: fc.anything(),
      properties: fc.anything(),
      postback: fc.anything(),
      typing_indicator: fc.anything(),
      seen_up_to: orJunk(createdAt),
      content: fc.anything(),
      customer: fc.anything(),
    },
    { requiredKeys: [] },
  );

/** A push as the client delivers it (after the frame check, or straight from a broken server). */
export const push = (style: 'order' | 'created_at' | 'any' = 'any') =>
  fc.record({ name: fc.constantFrom(...PUSH_NAMES), payload: orJunk(pushPayload(style)) });

const entry = (id: string) => ({ customId: id, event: { type: 'message' as const, text: id, custom_id: id }, status: 'queued' as const, createdAt: 0 });

/** One step of the store: a push, a fetched chat or summaries (translated), or an outbox change. */
export const step = (style: 'order' | 'created_at' | 'any' = 'any'): fc.Arbitrary<Change[]> =>
  fc.oneof(
    { weight: 6, arbitrary: push(style).map((p) => fromPush(p.name, p.payload)) },
    { weight: 2, arbitrary: chat(style).map((c) => fromReply('get_chat_threads', { chat_id: 'x' }, { chat: c as never })) },
    {
      weight: 1,
      arbitrary: fc.array(orJunk(chat(style)), { maxLength: 2 }).map((chats) => fromReply('get_chats_summary', {}, { chats_summary: chats as never, total_chats: 0 })),
    },
    { weight: 2, arbitrary: customId.map((id): Change[] => [{ type: 'send_queued', entries: [entry(id)] }]) },
    { weight: 1, arbitrary: fc.array(customId).map((ids): Change[] => [{ type: 'send_failed', customIds: ids, error: 'x' }]) },
    {
      weight: 1,
      arbitrary: fc
        .record({ customId, chatId, threadId, eventId: fc.option(eventId, { nil: undefined }) })
        .map((a): Change[] => [{ type: 'event_confirmed', ...a }]),
    },
    { weight: 1, arbitrary: customId.map((id): Change[] => [{ type: 'send_retried', customId: id }]) },
  );

/**
 * What must hold in every state: chats under their own id; thread ids listed once, each with a
 * record, sorted by `order` (unordered live ones last); event ids unique per thread; events sorted
 * when the server sent one consistent order style (`ordered`); outbox custom ids unique; timeline
 * keys unique. Returns the broken ones.
 *
 * @example
 * expect(invariants(state, true)).toEqual([]);
 */
export function invariants(state: ChatState, ordered: boolean): string[] {
  const broken: string[] = [];
  for (const [id, chat] of Object.entries(state.chats)) {
    if (chat.id !== id) broken.push(`chat ${id} has id ${chat.id}`);
    if (new Set(chat.threadIds).size !== chat.threadIds.length) broken.push(`chat ${id}: thread ids repeat`);
    const orders = chat.threadIds.map((t) => chat.threads[t]?.order ?? Infinity);
    if (orders.some((o, i) => i > 0 && o < orders[i - 1]!)) broken.push(`chat ${id}: threads out of order ${orders}`);
    for (const threadId of chat.threadIds) {
      const events: ChatEvent[] = chat.threads[threadId]?.events ?? [];
      if (!chat.threads[threadId]) broken.push(`chat ${id}: no record for thread ${threadId}`);
      if (new Set(events.map((e) => e.id)).size !== events.length) broken.push(`thread ${threadId}: event ids repeat`);
      if (ordered && events.some((e, i) => i > 0 && compareEvents(events[i - 1]!, e) > 0)) {
        broken.push(`thread ${threadId}: events out of order ${JSON.stringify(events.map((e) => [e.id, e.order ?? e.created_at]))}`);
      }
    }
  }
  const customIds = state.outbox.map((s) => s.customId);
  if (new Set(customIds).size !== customIds.length) broken.push('outbox custom ids repeat');
  const keys = timelineOf(state).map((i) => i.key);
  if (new Set(keys).size !== keys.length) broken.push(`timeline keys repeat ${keys}`);
  return broken;
}
