import type { RichMessageEvent } from '../../protocol/types';
import { addEvents } from './add-events';
import type { Change } from './change';
import type { ChatState } from './chat-state';
import { patchProperties } from './patch-properties';
import { reduceOutbox } from './reduce-outbox';
import { unwrapProperties } from './unwrap-properties';
import { withChat } from './with-chat';
import { withEvent } from './with-event';
import { withThread } from './with-thread';
import { wrapProperties } from './wrap-properties';

function loggedIn(state: ChatState, change: Extract<Change, { type: 'logged_in' }>): ChatState {
  // The login snapshot is the whole truth about availability: groups it does not list are offline.
  const groupStatus: ChatState['groupStatus'] = { [state.groupId]: 'offline' };
  for (const id of change.onlineGroups) groupStatus[id] = 'online';
  let next: ChatState = {
    ...state,
    customerId: change.customerId ?? state.customerId,
    groupStatus,
    predictedAgent: change.predictedAgent ?? state.predictedAgent,
    greeting: change.greeting,
    typing: {},
  };
  for (const c of change.chats) {
    next = withChat(next, c.id, (chat) => ({
      ...chat,
      hasUnreadHint: c.unread,
      active: chat.threadIds.length === 0 && c.active !== undefined ? c.active : chat.active,
    }));
  }
  const active = change.chats.find((c) => c.active === true);
  return active ? { ...next, currentChatId: active.id } : next;
}

/** The chat to show among `ids`: the active one with the highest `order`, else the newest. */
function pickCurrent(state: ChatState, ids: string[]): string | null {
  const known = ids.filter((id) => state.chats[id]);
  const key = (id: string) => (state.chats[id]!.active ? 1e18 : 0) + (state.chats[id]!.order ?? 0);
  return known.sort((a, b) => key(b) - key(a))[0] ?? state.currentChatId;
}

function toggleButtons(event: RichMessageEvent, change: Extract<Change, { type: 'button_toggled' }>): RichMessageEvent {
  const { userId, postbackId, on } = change;
  let changed = false;
  const elements = (event.elements ?? []).map((element) => {
    if (!Array.isArray(element?.buttons)) return element;
    const buttons = element.buttons.map((b) => {
      const ids = Array.isArray(b?.user_ids) ? b.user_ids : [];
      if (b?.postback_id !== postbackId || ids.includes(userId) === on) return b;
      changed = true;
      return { ...b, user_ids: on ? [...ids, userId] : ids.filter((id) => id !== userId) };
    });
    return buttons.every((b, i) => b === element.buttons![i]) ? element : { ...element, buttons };
  });
  return changed ? { ...event, elements } : event;
}

const withoutTyping = (state: ChatState, chatId: string, authorId: string): ChatState => {
  const typing = state.typing[chatId];
  if (!typing || !(authorId in typing)) return state;
  const left = { ...typing };
  delete left[authorId];
  return { ...state, typing: { ...state.typing, [chatId]: left } };
};

/**
 * The one place chat state changes: applies `change` and returns the next state, the same object
 * when nothing changed. Unknown chats and threads are created on the fly, so a change that overtakes
 * the one describing its chat still lands; repeating a change changes nothing.
 */
export function reduce(state: ChatState, change: Change): ChatState {
  switch (change.type) {
    case 'logged_in':
      return loggedIn(state, change);
    case 'chat_updated':
      return withChat(state, change.chatId, (chat) => {
        // Summary fields describe the last thread only until the threads themselves are known.
        const bare = chat.threadIds.length === 0;
        return {
          ...chat,
          order: change.order ?? chat.order,
          userIds: change.userIds?.length ? change.userIds : chat.userIds,
          properties: patchProperties(chat.properties, change.properties),
          lastThreadId: bare ? (change.lastThreadId ?? chat.lastThreadId) : chat.lastThreadId,
          active: bare && change.active !== undefined ? change.active : chat.active,
        };
      });
    case 'chats_listed':
      return { ...state, currentChatId: pickCurrent(state, change.chatIds) };
    case 'users_changed': {
      const users = { ...state.users };
      for (const u of change.users) users[u.id] = { ...users[u.id], ...u } as typeof u;
      return { ...state, users };
    }
    case 'user_joined':
      return withChat(state, change.chatId, (chat) =>
        chat.userIds.includes(change.userId) ? chat : { ...chat, userIds: [...chat.userIds, change.userId] },
      );
    case 'user_left':
      if (!state.chats[change.chatId]?.userIds.includes(change.userId)) return state;
      return withChat(state, change.chatId, (chat) => ({ ...chat, userIds: chat.userIds.filter((id) => id !== change.userId) }));
    case 'thread_updated':
      return withChat(state, change.chatId, (chat) =>
        withThread(chat, change.threadId, (t) => ({
          ...t,
          order: change.order ?? t.order,
          // Threads never reopen (a new message starts a new one), so a stale copy cannot undo a close.
          active: t.active && change.active !== false,
          timestamp: change.timestamp ?? t.timestamp,
          createdAt: change.createdAt ?? t.createdAt,
          properties: patchProperties(t.properties, change.properties),
        })),
      );
    case 'thread_opened': {
      const { chatId, threadId } = change;
      const next = threadId ? withChat(state, chatId, (chat) => withThread(chat, threadId, (t) => t)) : state;
      return next.currentChatId === chatId ? next : { ...next, currentChatId: chatId };
    }
    case 'thread_closed':
      return withChat(state, change.chatId, (chat) => withThread(chat, change.threadId, (t) => (t.active ? { ...t, active: false } : t)));
    case 'events_added':
      return addEvents(state, change);
    case 'properties_changed': {
      const { chatId, threadId, eventId, set, deleted } = change;
      if (threadId === undefined) {
        return withChat(state, chatId, (chat) => ({ ...chat, properties: patchProperties(chat.properties, set, deleted) }));
      }
      // Only threads and events held: a made-up thread would look active.
      if (!state.chats[chatId]?.threads[threadId]) return state;
      if (eventId !== undefined) {
        // Events keep the wire (wrapped) shape, like every other event field.
        return withEvent(state, chatId, threadId, eventId, (e) => ({
          ...e,
          properties: wrapProperties(patchProperties(unwrapProperties(e.properties), set, deleted)),
        }));
      }
      return withChat(state, chatId, (chat) =>
        withThread(chat, threadId, (t) => ({ ...t, properties: patchProperties(t.properties, set, deleted) })),
      );
    }
    case 'button_toggled':
      return withEvent(state, change.chatId, change.threadId, change.eventId, (e) =>
        e.type === 'rich_message' ? toggleButtons(e, change) : e,
      );
    case 'typing_changed': {
      const { chatId, authorId } = change;
      if (authorId === state.customerId) return state;
      if (!change.typing) return withoutTyping(state, chatId, authorId);
      const typingRevision = state.typingRevision + 1;
      return { ...state, typingRevision, typing: { ...state.typing, [chatId]: { ...state.typing[chatId], [authorId]: typingRevision } } };
    }
    case 'typing_expired':
      return state.typing[change.chatId]?.[change.authorId] === change.revision ? withoutTyping(state, change.chatId, change.authorId) : state;
    case 'seen_updated': {
      const { chatId, seenUpTo } = change;
      const userId = change.userId ?? state.customerId;
      // Receipts only move forward: a reordered older one changes nothing.
      if (userId === null || seenUpTo <= (state.chats[chatId]?.seenUpTo[userId] ?? 0)) return state;
      return withChat(state, chatId, (chat) => ({ ...chat, seenUpTo: { ...chat.seenUpTo, [userId]: seenUpTo } }));
    }
    case 'groups_changed': {
      const changed = Object.entries(change.statuses).filter(([id, s]) => state.groupStatus[id] !== s);
      return changed.length === 0 ? state : { ...state, groupStatus: { ...state.groupStatus, ...Object.fromEntries(changed) } };
    }
    case 'threads_listed':
      return withChat(state, change.chatId, (chat) => {
        const known = new Set(chat.history.summaries.map((s) => s.id));
        const summaries = [...chat.history.summaries, ...change.summaries.filter((s) => !known.has(s.id))];
        return { ...chat, history: { ...chat.history, summaries, totalThreads: change.total } };
      });
    case 'history_loading':
      return withChat(state, change.chatId, (chat) =>
        chat.history.loading === change.loading ? chat : { ...chat, history: { ...chat.history, loading: change.loading } },
      );
    case 'form_requested':
      return { ...state, forms: { ...state.forms, [change.formType]: { status: 'loading' } } };
    case 'form_loaded':
      return { ...state, forms: { ...state.forms, [change.formType]: { status: 'ready', enabled: change.enabled, form: change.form } } };
    case 'form_failed':
      return { ...state, forms: { ...state.forms, [change.formType]: { status: 'error', message: change.message } } };
    case 'action_failed':
      return { ...state, lastError: change.error };
    case 'greeting_dismissed':
      return { ...state, dismissedGreeting: change.uniqueId };
    case 'error_dismissed':
      return state.lastError === null ? state : { ...state, lastError: null };
    default:
      return reduceOutbox(state, change);
  }
}
