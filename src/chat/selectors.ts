// Pure reads of ChatState; the store wraps each in a computed signal.
import type { Agent, ChatEvent, PredictedAgent, User } from '../protocol/types';
import type { ChatRecord, ChatState } from './chat-state';

export { buildTimeline, selectTimeline, type TimelineItem } from './select-timeline';

/**
 * The chat the widget shows, or `null` before the visitor has one.
 *
 * @example
 * const chat = selectCurrentChat(state);
 */
export function selectCurrentChat(state: ChatState): ChatRecord | null {
  return state.currentChatId !== null ? (state.chats[state.currentChatId] ?? null) : null;
}

/**
 * The agent the header shows; `isPredicted` when no agent has joined yet.
 *
 * @example
 * const title = (a: SelectedAgent | null) => a?.name ?? 'Support';
 */
export type SelectedAgent = (Agent | (PredictedAgent & { id: string })) & { isPredicted: boolean };

/**
 * The current chat's agent (one present if any), else the predicted agent, else `null`.
 *
 * @example
 * const agent = selectAgent(state); // { id: 'a@x', name: 'Ann', isPredicted: false, … }
 */
export function selectAgent(state: ChatState): SelectedAgent | null {
  const chat = selectCurrentChat(state);
  const agents = (chat?.userIds ?? []).map((id) => state.users[id]).filter((u): u is Agent => u?.type === 'agent');
  const agent = agents.find((a) => a.present !== false) ?? agents[0];
  if (agent) return { ...agent, isPredicted: false };
  return state.predictedAgent ? { ...state.predictedAgent, isPredicted: true } : null;
}

/** When an event happened, in ms, or `null` when it carries no time. */
function timeOf(e: ChatEvent): number | null {
  if (typeof e.created_at === 'string') {
    const ms = Date.parse(e.created_at);
    if (!Number.isNaN(ms)) return ms;
  }
  return typeof e.timestamp === 'number' ? e.timestamp * 1000 : null;
}

/**
 * Events from others in the current chat that the visitor has not seen: newer than the visitor's
 * read receipt and than the visitor's own latest event (writing implies reading). Walks back from
 * the newest event and stops at the first seen one, so long chats cost only their unread tail.
 * Without a receipt or an own event, `login`'s `has_unread_events` counts as one.
 *
 * @example
 * const badge = selectUnreadCount(state);
 */
export function selectUnreadCount(state: ChatState): number {
  const chat = selectCurrentChat(state);
  const me = state.customerId;
  if (!chat || me === null) return 0;
  const seen = chat.seenUpTo[me];
  let count = 0;
  for (let t = chat.threadIds.length - 1; t >= 0; t--) {
    const events = chat.threads[chat.threadIds[t]!]?.events ?? [];
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e.author_id === me) return count;
      if (e.recipients === 'agents' || e.type === 'system_message' || !e.author_id) continue;
      const at = timeOf(e);
      if (seen !== undefined && at !== null && at <= seen) return count;
      if (at !== null || seen === undefined) count++;
    }
  }
  return seen === undefined ? (chat.hasUnreadHint ? 1 : 0) : count;
}

/**
 * Group availability: `unknown` until login tells us.
 *
 * @example
 * selectAvailability(state) === 'offline'; // show "leave a message"
 */
export function selectAvailability(state: ChatState): 'online' | 'offline' | 'unknown' {
  const status = state.groupStatus[String(state.groupId)];
  return status === undefined ? 'unknown' : status === 'offline' ? 'offline' : 'online';
}

/**
 * Whether the current chat has an active thread.
 *
 * @example
 * if (!selectIsChatActive(state)) showRatingPrompt();
 */
export function selectIsChatActive(state: ChatState): boolean {
  return selectCurrentChat(state)?.active === true;
}

/**
 * Why the composer is blocked. Sending while reconnecting is allowed: the outbox holds the text.
 *
 * @example
 * const showPrechat = (reason: CannotSendReason | null) => reason === 'prechat_required';
 */
export type CannotSendReason = 'connection_closed' | 'group_offline' | 'prechat_required';

/**
 * Whether the visitor can send now, and if not, why.
 *
 * @example
 * const { canSend, reason } = selectCanSend(state);
 */
export function selectCanSend(state: ChatState): { canSend: boolean; reason: CannotSendReason | null } {
  const no = (reason: CannotSendReason) => ({ canSend: false, reason });
  if (state.connection === 'closed') return no('connection_closed');
  const chat = selectCurrentChat(state);
  if (chat?.active) return { canSend: true, reason: null };
  if (selectAvailability(state) === 'offline') return no('group_offline');
  const prechat = state.forms.prechat;
  const formQueued = state.localSends.some((s) => s.event.type === 'filled_form');
  if (!chat && prechat?.status === 'ready' && prechat.enabled && prechat.form && !formQueued) return no('prechat_required');
  return { canSend: true, reason: null };
}

/**
 * The agent typing in the current chat (the latest to start), or `null`.
 *
 * @example
 * const typing = selectTypingAgent(state); // render "Ann is typing…"
 */
export function selectTypingAgent(state: ChatState): User | null {
  const typing = state.currentChatId !== null ? state.typing[state.currentChatId] : undefined;
  let latest: [string, number] | null = null;
  for (const entry of Object.entries(typing ?? {})) if (!latest || entry[1] > latest[1]) latest = entry;
  if (!latest) return null;
  return state.users[latest[0]] ?? { id: latest[0], type: 'agent' };
}

/**
 * LiveChat's customer status: `chatting` with an agent, `queued` in an active chat without one, else `browsing`.
 *
 * @example
 * selectCustomerStatus(state); // 'queued'
 */
export function selectCustomerStatus(state: ChatState): 'chatting' | 'queued' | 'browsing' {
  if (!selectIsChatActive(state)) return 'browsing';
  return selectAgent(state)?.isPredicted === false ? 'chatting' : 'queued';
}

/**
 * The rating of the current chat's last thread (thread property `rating`), or `null`.
 *
 * @example
 * selectRating(state); // { score: 1, comment: 'Thanks!' }
 */
export function selectRating(state: ChatState): { score: 0 | 1; comment?: string } | null {
  const chat = selectCurrentChat(state);
  const rating = chat?.lastThreadId ? chat.threads[chat.lastThreadId]?.properties.rating : undefined;
  const score = rating?.score;
  if (score !== 0 && score !== 1) return null;
  return typeof rating?.comment === 'string' ? { score, comment: rating.comment } : { score };
}

/**
 * Whether older threads may exist: unknown counts as yes until `loadOlder` asks the server.
 *
 * @example
 * if (scrolledToTop && selectHasOlder(state)) actions.loadOlder();
 */
export function selectHasOlder(state: ChatState): boolean {
  const chat = selectCurrentChat(state);
  if (!chat || chat.threadIds.length === 0) return false;
  return chat.history.totalThreads === null || chat.threadIds.length < chat.history.totalThreads;
}

/**
 * LiveChat's `chat_data` getter: the current chat and its last thread.
 *
 * @example
 * selectChatData(state); // { chatId: 'PJ0MRSHTDG', threadId: 'K600PKZON8' }
 */
export function selectChatData(state: ChatState): { chatId: string; threadId: string | null } | null {
  const chat = selectCurrentChat(state);
  return chat ? { chatId: chat.id, threadId: chat.lastThreadId } : null;
}
