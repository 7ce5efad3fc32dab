// How each server push changes the state. Pushes are untrusted: missing fields make a push a no-op.
import type { PushMap } from '../protocol/types';
import { applyChat, applyUsers } from './apply-chat';
import { applyEvents } from './apply-events';
import { applyGroupsUpdate } from './apply-groups-update';
import { applyPostback } from './apply-postback';
import { applyTyping } from './apply-typing';
import type { PushAction } from './chat-action';
import type { ChatState } from './chat-state';
import { deleteProperties } from './delete-properties';
import { mergeProperties } from './merge-properties';
import { unwrapProperties } from './unwrap-properties';
import { withChat } from './with-chat';
import { withThread } from './with-thread';
import { wrapProperties } from './wrap-properties';

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

function threadOf(state: ChatState, chatId: string, threadId: unknown): string | null {
  if (str(threadId)) return threadId;
  return state.chats[chatId]?.lastThreadId ?? null;
}

// Property and postback pushes only touch threads we hold: a placeholder thread would look active.
const hasThread = (state: ChatState, chatId: string, threadId: string) => !!state.chats[chatId]?.threads[threadId];

function eventProperties(state: ChatState, p: PushMap['event_properties_updated'], deleted: boolean): ChatState {
  if (!hasThread(state, p.chat_id, p.thread_id)) return state;
  return withChat(state, p.chat_id, (chat) =>
    withThread(chat, p.thread_id, (thread) => {
      const at = thread.events.findIndex((e) => e.id === p.event_id);
      const event = thread.events[at];
      if (!event) return thread;
      const base = unwrapProperties(event.properties);
      const values = deleted ? deleteProperties(base, p.properties) : mergeProperties(base, unwrapProperties(p.properties));
      const events = thread.events.slice();
      // Events keep the wire (wrapped) shape, like every other event field the UI reads.
      events[at] = { ...event, properties: wrapProperties(values) };
      return { ...thread, events };
    }),
  );
}

/**
 * Applies one push. Unknown chats and threads are created on the fly, so a push that overtakes the
 * one describing its chat still lands; duplicates change nothing.
 *
 * @example
 * reducePush(state, { type: 'push', name: 'thread_closed', payload: { chat_id: 'c', thread_id: 't' } });
 */
export function reducePush(state: ChatState, action: PushAction): ChatState {
  const p = action.payload as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null) return state;
  switch (action.name) {
    case 'incoming_chat_thread': {
      const chat = action.payload.chat;
      if (!chat || !str(chat.id)) return state;
      return { ...applyChat(state, chat), currentChatId: chat.id };
    }
    case 'incoming_event':
    case 'event_updated': {
      const { chat_id: chatId, thread_id: threadId, event } = action.payload;
      if (!str(chatId)) return state;
      const thread = threadOf(state, chatId, threadId);
      return thread === null ? state : applyEvents(state, chatId, thread, [event]);
    }
    case 'thread_closed': {
      const { chat_id: chatId, thread_id: threadId } = action.payload;
      if (!str(chatId) || !str(threadId)) return state;
      return withChat(state, chatId, (chat) =>
        withThread(chat, threadId, (t) => (t.active ? { ...t, active: false } : t)),
      );
    }
    case 'chat_user_added': {
      const { chat_id: chatId, user } = action.payload;
      if (!str(chatId) || !user || !str(user.id)) return state;
      const next = applyUsers(state, [user], chatId);
      return withChat(next, chatId, (chat) =>
        chat.userIds.includes(user.id) ? chat : { ...chat, userIds: [...chat.userIds, user.id] },
      );
    }
    case 'chat_user_removed': {
      const { chat_id: chatId, user_id: userId } = action.payload;
      if (!str(chatId) || !str(userId) || !state.chats[chatId]?.userIds.includes(userId)) return state;
      return withChat(state, chatId, (chat) => ({ ...chat, userIds: chat.userIds.filter((id) => id !== userId) }));
    }
    case 'incoming_rich_message_postback':
      return applyPostback(state, action.payload);
    case 'incoming_typing_indicator':
      return applyTyping(state, action.payload);
    case 'chat_properties_updated':
    case 'chat_properties_deleted': {
      const { chat_id: chatId, properties } = action.payload;
      if (!str(chatId)) return state;
      return withChat(state, chatId, (chat) => ({
        ...chat,
        properties:
          action.name === 'chat_properties_deleted'
            ? deleteProperties(chat.properties, properties)
            : mergeProperties(chat.properties, unwrapProperties(properties)),
      }));
    }
    case 'chat_thread_properties_updated':
    case 'chat_thread_properties_deleted': {
      const { chat_id: chatId, thread_id: threadId, properties } = action.payload;
      if (!str(chatId) || !str(threadId) || !hasThread(state, chatId, threadId)) return state;
      return withChat(state, chatId, (chat) =>
        withThread(chat, threadId, (thread) => ({
          ...thread,
          properties:
            action.name === 'chat_thread_properties_deleted'
              ? deleteProperties(thread.properties, properties)
              : mergeProperties(thread.properties, unwrapProperties(properties)),
        })),
      );
    }
    case 'event_properties_updated':
    case 'event_properties_deleted': {
      const q = action.payload as PushMap['event_properties_updated'];
      if (!str(q.chat_id) || !str(q.thread_id) || !str(q.event_id)) return state;
      return eventProperties(state, q, action.name === 'event_properties_deleted');
    }
    case 'customer_updated': {
      const customer = 'customer' in action.payload ? action.payload.customer : action.payload;
      return applyUsers(state, [customer]);
    }
    case 'incoming_multicast':
      return applyGroupsUpdate(state, action.payload);
    case 'last_seen_timestamp_updated':
    case 'events_marked_as_seen': {
      const q = action.payload as Partial<PushMap['last_seen_timestamp_updated'] & PushMap['events_marked_as_seen']>;
      const seen = typeof q.timestamp === 'number' ? q.timestamp * 1000 : Date.parse(q.seen_up_to ?? '');
      if (!str(q.chat_id) || !str(q.user_id) || Number.isNaN(seen)) return state;
      const userId = q.user_id;
      return withChat(state, q.chat_id, (chat) =>
        seen > (chat.seenUpTo[userId] ?? 0) ? { ...chat, seenUpTo: { ...chat.seenUpTo, [userId]: seen } } : chat,
      );
    }
    default:
      return state;
  }
}
