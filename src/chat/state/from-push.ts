import { isObject } from '../../protocol/is-object';
import type { GroupStatus } from '../../protocol/types';
import type { Change } from './change';
import { fromChat } from './from-chat';
import { fromUsers } from './from-users';
import { isEvent } from './is-event';
import { isId } from './is-id';
import { isUser } from './is-user';
import { seenTime } from './seen-time';
import { unwrapProperties } from './unwrap-properties';

const STATUSES: readonly unknown[] = ['online', 'offline', 'online_for_queue'];

/** `{ns: [name, …]}` of a `*_properties_deleted` push, its lists cleaned of anything but names. */
function names(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (isObject(value)) for (const [ns, list] of Object.entries(value)) if (Array.isArray(list)) out[ns] = list.filter((n): n is string => typeof n === 'string');
  return out;
}

/** `incoming_multicast` carries availability as lc2's `groups_update` (protocol-notes §3); other multicasts say nothing here. */
function groups(p: Record<string, unknown>): Change[] {
  const content = p.content;
  if (p.type !== 'lc2' || !isObject(content) || content.name !== 'groups_update' || !Array.isArray(content.groups)) return [];
  const statuses: Record<string, GroupStatus> = {};
  for (const g of content.groups) {
    if (isObject(g) && (typeof g.id === 'number' || typeof g.id === 'string') && STATUSES.includes(g.status)) statuses[g.id] = g.status as GroupStatus;
  }
  return [{ type: 'groups_changed', statuses }];
}

/**
 * The changes a server push brings. Pushes are untrusted: a push without the fields its change needs
 * brings none, and one the chat does not follow (`access_set`, `incoming_greeting`, …) brings none.
 */
export function fromPush(name: string, payload: unknown): Change[] {
  if (!isObject(payload)) return [];
  const p = payload;
  const chatId = isId(p.chat_id) ? p.chat_id : null;
  const threadId = isId(p.thread_id) ? p.thread_id : null;
  switch (name) {
    case 'incoming_chat_thread': {
      const chat = fromChat(p.chat, true);
      const first = chat[0];
      return first?.type === 'chat_updated' ? [...chat, { type: 'thread_opened', chatId: first.chatId }] : [];
    }
    case 'incoming_event':
    case 'event_updated':
      // An event without thread_id belongs to the chat's last thread.
      return chatId && isEvent(p.event) ? [{ type: 'events_added', chatId, threadId, events: [p.event], live: name === 'incoming_event' }] : [];
    case 'thread_closed':
      return chatId && threadId ? [{ type: 'thread_closed', chatId, threadId }] : [];
    case 'chat_user_added':
      return chatId && isUser(p.user)
        ? [...fromUsers([p.user], chatId), { type: 'user_joined', chatId, userId: p.user.id }]
        : [];
    case 'chat_user_removed':
      return chatId && isId(p.user_id) ? [{ type: 'user_left', chatId, userId: p.user_id }] : [];
    case 'incoming_rich_message_postback': {
      const postback = p.postback;
      if (!chatId || !threadId || !isId(p.event_id) || !isId(p.user_id) || !isObject(postback)) return [];
      if (!isId(postback.id) || typeof postback.toggled !== 'boolean') return [];
      return [{ type: 'button_toggled', chatId, threadId, eventId: p.event_id, userId: p.user_id, postbackId: postback.id, on: postback.toggled }];
    }
    case 'incoming_typing_indicator': {
      const indicator = p.typing_indicator;
      if (!chatId || !isObject(indicator) || !isId(indicator.author_id)) return [];
      // Seed 002's indicator has no `is_typing`: receiving one means typing.
      return [{ type: 'typing_changed', chatId, authorId: indicator.author_id, typing: indicator.is_typing !== false }];
    }
    case 'chat_properties_updated':
    case 'chat_thread_properties_updated':
    case 'event_properties_updated':
    case 'chat_properties_deleted':
    case 'chat_thread_properties_deleted':
    case 'event_properties_deleted': {
      const target = name.startsWith('event') ? 2 : name.startsWith('chat_thread') ? 1 : 0;
      if (!chatId || (target > 0 && !threadId) || (target > 1 && !isId(p.event_id))) return [];
      const where = { chatId, ...(target > 0 && { threadId: threadId! }), ...(target > 1 && { eventId: p.event_id as string }) };
      return [
        name.endsWith('deleted')
          ? { type: 'properties_changed', ...where, deleted: names(p.properties) }
          : { type: 'properties_changed', ...where, set: unwrapProperties(p.properties) },
      ];
    }
    case 'customer_updated': {
      const customer = 'customer' in p ? p.customer : p;
      return isUser(customer) ? [{ type: 'users_changed', users: [customer] }] : [];
    }
    case 'incoming_multicast':
      return groups(p);
    case 'last_seen_timestamp_updated':
    case 'events_marked_as_seen': {
      const seenUpTo = seenTime(p.seen_up_to, p.timestamp);
      return chatId && isId(p.user_id) && seenUpTo > 0 ? [{ type: 'seen_updated', chatId, userId: p.user_id, seenUpTo }] : [];
    }
    default:
      return [];
  }
}
