// Pure reads of ChatState; the store wraps each in a computed signal (views.ts).
import type { Agent, ConnectionState, Greeting, PredictedAgent, User } from '../../protocol/types';
import type { ChatRecord, ChatState } from './chat-state';
import { eventTime } from './event-time';

/** The chat the widget shows, or `null` before the visitor has one. */
export function selectCurrentChat(state: ChatState): ChatRecord | null {
  return state.currentChatId !== null ? (state.chats[state.currentChatId] ?? null) : null;
}

/** The agent the header shows; `isPredicted` while no agent has joined. */
export type SelectedAgent = (Agent | (PredictedAgent & { id: string })) & { isPredicted: boolean };

/** The current chat's agent (one present if any), else the predicted agent, else `null`. */
export function selectAgent(state: ChatState): SelectedAgent | null {
  const chat = selectCurrentChat(state);
  const agents = (chat?.userIds ?? []).map((id) => state.users[id]).filter((u): u is Agent => u?.type === 'agent');
  const agent = agents.find((a) => a.present !== false) ?? agents[0];
  if (agent) return { ...agent, isPredicted: false };
  return state.predictedAgent ? { ...state.predictedAgent, isPredicted: true } : null;
}

/**
 * Events from others in the current chat that the visitor has not seen: newer than the visitor's read
 * receipt and than the visitor's own latest event (writing implies reading). Walks back from the
 * newest and stops at the first seen one, so a long chat costs only its unread tail. Without a receipt
 * or an own event, `login`'s `has_unread_events` counts as one.
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
      const at = eventTime(e);
      if (seen !== undefined && at !== null && at <= seen) return count;
      if (at !== null || seen === undefined) count++;
    }
  }
  return seen === undefined ? (chat.hasUnreadHint ? 1 : 0) : count;
}

/** Group availability: `unknown` until login tells. */
export function selectAvailability(state: ChatState): 'online' | 'offline' | 'unknown' {
  const status = state.groupStatus[String(state.groupId)];
  return status === undefined ? 'unknown' : status === 'offline' ? 'offline' : 'online';
}

/** Why the composer is blocked. (Sending while reconnecting is allowed: the outbox keeps the text.) */
export type CannotSendReason = 'connection_closed' | 'group_offline' | 'prechat_required';

/** Whether the visitor can send now, and if not, why. */
export function selectCanSend(state: ChatState, connection: ConnectionState): { canSend: boolean; reason: CannotSendReason | null } {
  const no = (reason: CannotSendReason) => ({ canSend: false, reason });
  if (connection === 'closed') return no('connection_closed');
  const chat = selectCurrentChat(state);
  if (chat?.active) return { canSend: true, reason: null };
  if (selectAvailability(state) === 'offline') return no('group_offline');
  const prechat = state.forms.prechat;
  const formQueued = state.outbox.some((s) => s.event.type === 'filled_form');
  if (!chat && prechat?.status === 'ready' && prechat.enabled && prechat.form && !formQueued) return no('prechat_required');
  return { canSend: true, reason: null };
}

/** The agent typing in the current chat (the latest to start), or `null`. */
export function selectTypingAgent(state: ChatState): User | null {
  const typing = state.currentChatId !== null ? state.typing[state.currentChatId] : undefined;
  let latest: [string, number] | null = null;
  for (const entry of Object.entries(typing ?? {})) if (!latest || entry[1] > latest[1]) latest = entry;
  if (!latest) return null;
  return state.users[latest[0]] ?? { id: latest[0], type: 'agent' };
}

/** LiveChat's customer status: `chatting` with an agent, `queued` in an active chat without one, else `browsing`. */
export function selectCustomerStatus(state: ChatState): 'chatting' | 'queued' | 'invited' | 'browsing' {
  if (selectCurrentChat(state)?.active !== true) return selectGreeting(state) ? 'invited' : 'browsing';
  return selectAgent(state)?.isPredicted === false ? 'chatting' : 'queued';
}

/**
 * The greeting the visitor is offered: the login's, unless they dismissed it or are in a chat
 * (which the greeting invited to, or which made it moot). `null` when none.
 */
export function selectGreeting(state: ChatState): Greeting | null {
  const { greeting } = state;
  if (!greeting || greeting.unique_id === state.dismissedGreeting) return null;
  return selectCurrentChat(state)?.active === true ? null : greeting;
}

/** The rating of the current chat's last thread (its `rating` property), or `null`. */
export function selectRating(state: ChatState): { score: 0 | 1; comment?: string } | null {
  const chat = selectCurrentChat(state);
  const rating = chat?.lastThreadId ? chat.threads[chat.lastThreadId]?.properties.rating : undefined;
  const score = rating?.score;
  if (score !== 0 && score !== 1) return null;
  return typeof rating?.comment === 'string' ? { score, comment: rating.comment } : { score };
}

/** Whether older threads may exist: unknown counts as yes until the server is asked. */
export function selectHasOlder(state: ChatState): boolean {
  const chat = selectCurrentChat(state);
  if (!chat || chat.threadIds.length === 0) return false;
  return chat.history.totalThreads === null || chat.threadIds.length < chat.history.totalThreads;
}
