// How each Agent RTM push changes the console state: events, sneak peeks, typing, postbacks
// (as notices and on the buttons), closed threads, thread properties and chat users.
import type { Json } from './agent-client';
import { customerIds, isObj, mergeEvents, readUsers, timeOf, withSnapshot } from './chat-snapshot';
import type { ConsoleChat, ConsoleState } from './console-state';

function update(state: ConsoleState, chatId: unknown, fn: (chat: ConsoleChat) => ConsoleChat): ConsoleState {
  const chat = typeof chatId === 'string' ? state.chats[chatId] : undefined;
  return chat ? { ...state, chats: { ...state.chats, [chat.id]: fn(chat) } } : state;
}

function addEvent(state: ConsoleState, p: Json): ConsoleState {
  const event = p.event;
  if (!isObj(event) || typeof event.id !== 'string') return state;
  return update(state, p.chat_id, (chat) => {
    if (typeof p.thread_id === 'string' && chat.threadId !== undefined && p.thread_id !== chat.threadId) return chat;
    const fromCustomer = customerIds(chat).has(event.author_id);
    const known = chat.events.some((e) => e.id === event.id);
    return {
      ...chat,
      events: mergeEvents(chat.events, [event]),
      typing: chat.typing.filter((id) => id !== event.author_id),
      ...(fromCustomer && event.type === 'message' && { sneakPeek: undefined }),
      unread: chat.unread + (fromCustomer && !known && state.selected !== chat.id ? 1 : 0),
      lastActivity: Math.max(chat.lastActivity, timeOf(event)),
    };
  });
}

function addPostback(state: ConsoleState, p: Json): ConsoleState {
  if (!isObj(p.postback) || typeof p.postback.id !== 'string') return state;
  const { id: postbackId, toggled } = p.postback;
  return update(state, p.chat_id, (chat) => {
    let label = postbackId;
    const events = chat.events.map((e) => {
      if (e.id !== p.event_id || !Array.isArray(e.elements)) return e;
      const elements = e.elements.map((el: Json) => ({
        ...el,
        buttons: (Array.isArray(el.buttons) ? el.buttons : []).map((b: Json) => {
          if (b.postback_id !== postbackId) return b;
          label = b.text ?? label;
          const others = (Array.isArray(b.user_ids) ? b.user_ids : []).filter((u: unknown) => u !== p.user_id);
          return { ...b, user_ids: toggled === false ? others : [...others, p.user_id] };
        }),
      }));
      return { ...e, elements };
    });
    const afterOrder = Math.max(0, ...chat.events.map((e) => (typeof e.order === 'number' ? e.order : 0)));
    const notice = { id: `pb${chat.notices.length}-${chat.events.length}`, afterOrder, userId: String(p.user_id), label: String(label), toggled: toggled !== false };
    return { ...chat, events, notices: [...chat.notices, notice] };
  });
}

/**
 * Applies one push; unknown or malformed pushes leave the state as it was.
 * @example
 * state = applyPush(state, 'incoming_sneak_peek', { chat_id, sneak_peek: { text: 'Hel' } });
 */
export function applyPush(state: ConsoleState, action: string, p: Json): ConsoleState {
  switch (action) {
    case 'incoming_chat_thread': {
      if (!isObj(p.chat) || typeof p.chat.id !== 'string') return state;
      const next = withSnapshot(state.chats[p.chat.id], p.chat);
      return next ? { ...state, chats: { ...state.chats, [next.id]: next } } : state;
    }
    case 'incoming_event':
    case 'event_updated':
      return addEvent(state, p);
    case 'incoming_sneak_peek':
      return update(state, p.chat_id, (chat) => ({ ...chat, sneakPeek: typeof p.sneak_peek?.text === 'string' && p.sneak_peek.text !== '' ? p.sneak_peek.text : undefined }));
    case 'incoming_typing_indicator': {
      const t = p.typing_indicator;
      if (!isObj(t) || typeof t.author_id !== 'string' || t.author_id === state.me?.id) return state;
      return update(state, p.chat_id, (chat) => {
        const others = chat.typing.filter((id) => id !== t.author_id);
        return { ...chat, typing: t.is_typing === false ? others : [...others, t.author_id] };
      });
    }
    case 'incoming_rich_message_postback':
      return addPostback(state, p);
    case 'thread_closed':
      return update(state, p.chat_id, (chat) => (p.thread_id === undefined || p.thread_id === chat.threadId ? { ...chat, active: false, typing: [], sneakPeek: undefined } : chat));
    case 'chat_thread_properties_updated':
      if (!isObj(p.properties)) return state;
      return update(state, p.chat_id, (chat) => {
        if (p.thread_id !== chat.threadId) return chat;
        const merged: Json = { ...chat.threadProperties };
        for (const [ns, values] of Object.entries(p.properties)) if (isObj(values)) merged[ns] = { ...merged[ns], ...values };
        return { ...chat, threadProperties: merged };
      });
    case 'chat_user_added':
      if (!isObj(p.user) || typeof p.user.id !== 'string') return state;
      return update(state, p.chat_id, (chat) => ({
        ...chat,
        users: [...chat.users.filter((u) => u.id !== p.user.id), ...readUsers([{ ...p.user, type: p.user_type ?? p.user.type }])],
        agentIds: p.user_type === 'customer' || chat.agentIds.includes(p.user.id) || (p.thread_id && p.thread_id !== chat.threadId) ? chat.agentIds : [...chat.agentIds, p.user.id],
      }));
    case 'chat_user_removed':
      return update(state, p.chat_id, (chat) => ({ ...chat, agentIds: chat.agentIds.filter((id) => id !== p.user_id), typing: chat.typing.filter((id) => id !== p.user_id) }));
    default:
      return state;
  }
}

