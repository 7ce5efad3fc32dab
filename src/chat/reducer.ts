// The one place chat state changes: `reduce(state, action) => state`, pure and total.
import type { ChatSummary, LoginResponse } from '../protocol/types';
import { applyChat } from './apply-chat';
import type { ChatAction } from './chat-action';
import type { ChatState } from './chat-state';
import { reduceLocalSend } from './reduce-local-send';
import { reducePush } from './reduce-push';
import { withChat } from './with-chat';
import { withThread } from './with-thread';

function loggedIn(state: ChatState, r: LoginResponse): ChatState {
  const config = r.__priv_dynamic_config;
  // The login snapshot is the whole truth about availability: groups it does not list are offline.
  const groupStatus: ChatState['groupStatus'] = { [state.groupId]: 'offline' };
  for (const id of config?.online_groups_ids ?? []) groupStatus[id] = 'online';
  let next: ChatState = {
    ...state,
    customerId: typeof r.customer_id === 'string' ? r.customer_id : state.customerId,
    groupStatus,
    predictedAgent: config?.predicted_agent ?? state.predictedAgent,
    greeting: config?.greeting ?? null,
    typing: {},
  };
  const chats = Array.isArray(r.chats) ? r.chats : [];
  for (const c of chats) {
    if (typeof c?.chat_id !== 'string') continue;
    const active = c.has_active_thread ?? (chats.length === 1 ? r.has_active_thread : undefined);
    next = withChat(next, c.chat_id, (chat) => ({
      ...chat,
      hasUnreadHint: c.has_unread_events === true,
      active: chat.threadIds.length === 0 && typeof active === 'boolean' ? active : chat.active,
    }));
  }
  const activeChat = chats.find((c) => c.has_active_thread === true);
  return activeChat ? { ...next, currentChatId: activeChat.chat_id } : next;
}

/** The chat to show: the active one with the highest `order`, else the newest. */
function pickCurrent(state: ChatState, summaries: ChatSummary[]): string | null {
  const ids = summaries.map((s) => s?.id).filter((id): id is string => typeof id === 'string' && !!state.chats[id]);
  const key = (id: string) => (state.chats[id]!.active ? 1e18 : 0) + (state.chats[id]!.order ?? 0);
  return ids.sort((a, b) => key(b) - key(a))[0] ?? state.currentChatId;
}

/**
 * Applies one action to the chat state and returns the next state (the same object when nothing
 * changed). Never throws on malformed server data: what cannot be understood is ignored.
 *
 * @example
 * let state = initialChatState(0);
 * state = reduce(state, { type: 'connection_changed', state: 'online' });
 */
export function reduce(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'push':
      return reducePush(state, action);
    case 'connection_changed':
      return { ...state, connection: action.state, connectionInfo: action.info ?? null };
    case 'logged_in':
      return loggedIn(state, action.response);
    case 'chats_summary': {
      let next = state;
      for (const summary of action.chats) if (summary && typeof summary.id === 'string') next = applyChat(next, summary);
      return { ...next, currentChatId: pickCurrent(next, action.chats) };
    }
    case 'chat_fetched':
      return applyChat(state, action.chat);
    case 'chat_started': {
      const next = withChat(state, action.chatId, (chat) => withThread(chat, action.threadId, (t) => t));
      return { ...next, currentChatId: action.chatId };
    }
    case 'threads_summary':
      return withChat(state, action.chatId, (chat) => {
        const known = new Set(chat.history.summaries.map((s) => s.id));
        const summaries = [...chat.history.summaries, ...action.summaries.filter((s) => s && !known.has(s.id))];
        return { ...chat, history: { ...chat.history, summaries, totalThreads: action.total } };
      });
    case 'history_loading':
      return withChat(state, action.chatId, (chat) =>
        chat.history.loading === action.loading ? chat : { ...chat, history: { ...chat.history, loading: action.loading } },
      );
    case 'typing_timeout': {
      const typing = state.typing[action.chatId];
      if (typing?.[action.authorId] !== action.revision) return state;
      const left = { ...typing };
      delete left[action.authorId];
      return { ...state, typing: { ...state.typing, [action.chatId]: left } };
    }
    case 'seen_marked':
      return withChat(state, action.chatId, (chat) => {
        const me = state.customerId;
        if (me === null || action.seenUpTo <= (chat.seenUpTo[me] ?? 0)) return chat;
        return { ...chat, seenUpTo: { ...chat.seenUpTo, [me]: action.seenUpTo } };
      });
    case 'form_requested':
      return { ...state, forms: { ...state.forms, [action.formType]: { status: 'loading' } } };
    case 'form_loaded':
      return {
        ...state,
        forms: { ...state.forms, [action.formType]: { status: 'ready', enabled: action.enabled, form: action.form } },
      };
    case 'form_failed':
      return { ...state, forms: { ...state.forms, [action.formType]: { status: 'error', message: action.message } } };
    case 'action_failed':
      return { ...state, lastError: action.error };
    case 'error_dismissed':
      return state.lastError === null ? state : { ...state, lastError: null };
    default:
      return reduceLocalSend(state, action);
  }
}
