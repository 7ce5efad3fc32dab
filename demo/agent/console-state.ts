// The agent console's state and its pure reducer: what the agent sees of each chat (the last
// thread's events, who is in it, the customer's sneak peek and typing, postbacks, rating),
// built from the login answer, chat listings and pushes of the Agent RTM API v3.0. Frames are
// read defensively: anything malformed is ignored, never thrown.
import type { AgentConnectionState, Json } from './agent-client';
import { applyPush } from './apply-agent-push';
import { isObj, withSnapshot } from './chat-snapshot';

export interface ChatUser {
  id: string;
  type: 'customer' | 'agent';
  name?: string;
  email?: string;
  fields?: Record<string, string>;
}

/** A postback someone sent, shown in the timeline after the events that were there then. */
export interface Notice {
  id: string;
  afterOrder: number;
  userId: string;
  /** The pressed button's text (its postback id if the button is unknown). */
  label: string;
  toggled: boolean;
}

export interface ConsoleChat {
  id: string;
  users: ChatUser[];
  threadId?: string;
  threadOrder: number;
  active: boolean;
  /** Agents in the last thread. */
  agentIds: string[];
  /** Events of the last thread, by `order`. */
  events: Json[];
  notices: Notice[];
  threadProperties: Json;
  sneakPeek?: string;
  /** Users typing right now (customer or other agents). */
  typing: string[];
  unread: number;
  lastActivity: number;
}

export interface ConsoleState {
  connection: AgentConnectionState | 'signed_out';
  error?: string;
  me?: { id: string; name: string };
  chats: Record<string, ConsoleChat>;
  selected?: string;
}

export type ConsoleAction =
  | { type: 'connection'; state: AgentConnectionState; error?: string }
  | { type: 'logged_in'; payload: Json }
  | { type: 'chats_listed'; chats: Json[] }
  | { type: 'push'; action: string; payload: Json }
  | { type: 'select'; chatId: string | undefined }
  | { type: 'failed'; message: string }
  | { type: 'dismiss_error' }
  | { type: 'signed_out' };

/** The state before login. @example const state = initialState(); */
export function initialState(): ConsoleState {
  return { connection: 'signed_out', chats: {} };
}

/**
 * The console's reducer.
 * @example
 * let state = initialState();
 * state = reduce(state, { type: 'logged_in', payload: loginResponse });
 * state = reduce(state, { type: 'push', action: 'incoming_event', payload: { chat_id, event } });
 */
export function reduce(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'connection':
      return { ...state, connection: action.state, ...(action.error !== undefined && { error: action.error }) };
    case 'logged_in': {
      const profile = action.payload.my_profile;
      const me = isObj(profile) && typeof profile.id === 'string' ? { id: profile.id, name: String(profile.name ?? profile.id) } : state.me;
      return { ...state, connection: 'online', error: undefined, ...(me && { me }) };
    }
    case 'chats_listed': {
      const chats = { ...state.chats };
      for (const raw of action.chats) {
        const next = isObj(raw) ? withSnapshot(typeof raw.id === 'string' ? chats[raw.id] : undefined, raw) : undefined;
        if (next) chats[next.id] = next;
      }
      return { ...state, chats };
    }
    case 'push':
      return isObj(action.payload) ? applyPush(state, action.action, action.payload) : state;
    case 'select': {
      const chat = action.chatId === undefined ? undefined : state.chats[action.chatId];
      return { ...state, selected: action.chatId, ...(chat && { chats: { ...state.chats, [chat.id]: { ...chat, unread: 0 } } }) };
    }
    case 'failed':
      return { ...state, error: action.message };
    case 'dismiss_error':
      return { ...state, error: undefined };
    case 'signed_out':
      return initialState();
  }
}
