import { isObject } from '../../protocol/is-object';
import type { Action, Form, MethodMap } from '../../protocol/types';
import type { Change } from './change';
import { fromChat } from './from-chat';
import { isEvent } from './is-event';
import { isId } from './is-id';

/**
 * The chat the server started (or reopened) for the outbox entries sent with it: the full chat of the
 * seed's answer, or released v3.1's ids only (protocol-notes §9); either way every entry is confirmed.
 */
function started(request: MethodMap['start_chat' | 'activate_chat']['request'], reply: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  let chatId = request.chat && 'id' in request.chat ? request.chat.id : '';
  let threadId: string | undefined;
  let eventIds: unknown[] = [];
  if (isObject(reply.chat)) {
    changes.push(...fromChat(reply.chat, true));
    const chat = reply.chat;
    if (isId(chat.id)) chatId = chat.id;
    const thread = isObject(chat.thread) ? chat.thread : Array.isArray(chat.threads) ? chat.threads.at(-1) : undefined;
    if (isObject(thread) && isId(thread.id)) threadId = thread.id;
  } else {
    if (isId(reply.chat_id)) chatId = reply.chat_id;
    if (isId(reply.thread_id)) threadId = reply.thread_id;
    if (Array.isArray(reply.event_ids)) eventIds = reply.event_ids;
  }
  if (chatId) changes.push({ type: 'thread_opened', chatId, threadId });
  (request.chat?.thread?.events ?? []).forEach((e, i) => {
    const eventId = eventIds[i];
    if (e.custom_id) changes.push({ type: 'event_confirmed', customId: e.custom_id, chatId, threadId, eventId: isId(eventId) ? eventId : undefined });
  });
  return changes;
}

/**
 * The changes the reply to one of the chat's requests brings, read with the request it answers (which
 * names the chat, the thread, the outbox entries sent). Replies are untrusted like pushes: what is
 * malformed is left out. A reply that changes nothing (a postback, a sneak peek) brings none. The
 * login's answer arrives with the client's `login` event instead (from-login.ts).
 */
export function fromReply<A extends Action>(action: A, request: MethodMap[A]['request'], response: MethodMap[A]['response']): Change[] {
  const reply: Record<string, unknown> = isObject(response) ? response : {};
  type Request<K extends Action> = MethodMap[K]['request'];
  switch (action) {
    case 'get_chats_summary': {
      const list = Array.isArray(reply.chats_summary) ? reply.chats_summary : [];
      const chats = list.flatMap((s) => fromChat(s, false));
      const chatIds = chats.flatMap((c) => (c.type === 'chat_updated' ? [c.chatId] : []));
      return [...chats, { type: 'chats_listed', chatIds }];
    }
    case 'get_chat_threads':
      return fromChat(reply.chat, false);
    case 'start_chat':
    case 'activate_chat':
      return started(request as MethodMap['start_chat']['request'], reply);
    case 'send_event': {
      const { chat_id: chatId, event } = request as MethodMap['send_event']['request'];
      const sent = reply.event;
      const threadId = isId(reply.thread_id) ? reply.thread_id : undefined;
      const changes: Change[] = threadId && isEvent(sent) ? [{ type: 'events_added', chatId, threadId, events: [sent], live: true }] : [];
      const eventId = isId(reply.event_id) ? reply.event_id : isEvent(sent) ? sent.id : undefined;
      if (event.custom_id) changes.push({ type: 'event_confirmed', customId: event.custom_id, chatId, threadId, eventId });
      return changes;
    }
    case 'get_chat_threads_summary': {
      const req = request as Request<'get_chat_threads_summary'>;
      const list = (Array.isArray(reply.threads_summary) ? reply.threads_summary : []).filter((s) => isObject(s) && isId(s.id));
      const known = typeof req.offset === 'number' ? req.offset : 0;
      // An empty page ends the paging even if the total disagrees.
      const total = list.length === 0 ? known : typeof reply.total_threads === 'number' ? reply.total_threads : known + list.length;
      return [{ type: 'threads_listed', chatId: req.chat_id, summaries: list, total }];
    }
    case 'get_form': {
      const form = isObject(reply.form) ? (reply.form as unknown as Form) : undefined;
      return [{ type: 'form_loaded', formType: (request as Request<'get_form'>).type, enabled: reply.enabled === true && !!form, form: form ?? null }];
    }
    case 'update_chat_thread_properties': {
      const req = request as Request<'update_chat_thread_properties'>;
      return [{ type: 'properties_changed', chatId: req.chat_id, threadId: req.thread_id, set: req.properties }];
    }
    default:
      return [];
  }
}
