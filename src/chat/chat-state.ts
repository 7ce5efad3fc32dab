// The chat domain's whole state: plain data, changed only by `reduce` (reducer.ts).
import type {
  ChatEvent,
  ConnectionState,
  Form,
  FormType,
  Greeting,
  GroupStatus,
  NewEvent,
  PredictedAgent,
  ThreadSummary,
  User,
} from '../protocol/types';

/**
 * Property values after unwrapping `{value}`: `{ns: {name: value}}`.
 *
 * @example
 * const rating: PropertyValues = { rating: { score: 1, comment: 'Thanks!' } };
 */
export type PropertyValues = Record<string, Record<string, unknown>>;

/**
 * One thread with its events deduped by `id` and sorted (see compare-events.ts).
 *
 * @example
 * const last = (t: ThreadRecord) => t.events.at(-1);
 */
export interface ThreadRecord {
  id: string;
  /** Missing until the server tells us (an event can arrive before its thread). */
  order?: number;
  active: boolean;
  timestamp?: number;
  createdAt?: string;
  properties: PropertyValues;
  events: ChatEvent[];
}

/**
 * Paging state of "load older history" for one chat.
 *
 * @example
 * const loading = (h: HistoryState) => h.loading;
 */
export interface HistoryState {
  loading: boolean;
  /** `null` until `get_chat_threads_summary` answered. */
  totalThreads: number | null;
  /** Thread summaries fetched so far, newest first (the server's order). */
  summaries: ThreadSummary[];
}

/**
 * One chat: members, properties, threads (oldest first) and read receipts.
 *
 * @example
 * const lastThread = (c: ChatRecord) => (c.lastThreadId ? c.threads[c.lastThreadId] : undefined);
 */
export interface ChatRecord {
  id: string;
  order?: number;
  /** The chat is active while its last thread is. */
  active: boolean;
  lastThreadId: string | null;
  /** Current members; their details live in `ChatState.users`, which keeps people who left. */
  userIds: string[];
  properties: PropertyValues;
  threads: Record<string, ThreadRecord>;
  /** Thread ids, oldest first. */
  threadIds: string[];
  /** Read receipts: user id → seen up to (ms since epoch). */
  seenUpTo: Record<string, number>;
  /** `login`'s `has_unread_events`, used until the customer's own read receipt is known. */
  hasUnreadHint: boolean;
  history: HistoryState;
}

/**
 * The events our outbox sends: messages and filled forms.
 *
 * @example
 * const hello: OutgoingEvent = { type: 'message', text: 'Hello', custom_id: 'c-1', recipients: 'all' };
 */
export type OutgoingEvent = Extract<NewEvent, { type: 'message' | 'filled_form' }>;

/**
 * A send composed locally. `queued`: waiting for a connection (or a restored outbox entry);
 * `pending`: request in flight; `sent`: acknowledged, waiting for the server's copy of the event;
 * `failed`: the server refused it, the visitor may retry. It disappears once the server's event
 * with the same `custom_id` (or event id) is in a thread.
 *
 * @example
 * const retryable = (s: LocalSend) => s.status === 'failed';
 */
export interface LocalSend {
  customId: string;
  event: OutgoingEvent;
  status: 'queued' | 'pending' | 'sent' | 'failed';
  /** ms since epoch, when composed. */
  createdAt: number;
  /** A postchat form goes into the last thread even when it is closed. */
  attachToLastThread?: boolean;
  chatId?: string;
  threadId?: string;
  eventId?: string;
  error?: string;
}

/**
 * A prechat/postchat form as `get_form` answered.
 *
 * @example
 * const form = (f: FormState | undefined) => (f?.status === 'ready' && f.enabled ? f.form : null);
 */
export type FormState =
  | { status: 'loading' }
  | { status: 'ready'; enabled: boolean; form: Form | null }
  | { status: 'error'; message: string };

/**
 * Extra detail of the connection state, as the client reports it.
 *
 * @example
 * const info: ConnectionInfo = { reason: 'socket_closed', attempt: 2, retryInMs: 1800 };
 */
export interface ConnectionInfo {
  reason?: string;
  attempt?: number;
  retryInMs?: number;
}

/**
 * The last failed user action, for a notice in the UI.
 *
 * @example
 * const error: ActionError = { action: 'rate', type: 'validation', message: 'Invalid score' };
 */
export interface ActionError {
  action: string;
  type: string;
  message: string;
}

/**
 * Everything the widget knows about the visitor's chats.
 *
 * @example
 * const state: ChatState = initialChatState(0);
 * state.connection; // 'idle'
 */
export interface ChatState {
  groupId: number;
  connection: ConnectionState;
  connectionInfo: ConnectionInfo | null;
  customerId: string | null;
  /** Every user ever seen, by id. */
  users: Record<string, User>;
  chats: Record<string, ChatRecord>;
  /** The chat the widget shows: the active one, else the newest. */
  currentChatId: string | null;
  /** Group id → status, from login and `groups_update` multicasts. */
  groupStatus: Record<string, GroupStatus>;
  predictedAgent: PredictedAgent | null;
  greeting: Greeting | null;
  /** Chat id → author id → revision; the store expires each entry after a timeout. */
  typing: Record<string, Record<string, number>>;
  typingRevision: number;
  localSends: LocalSend[];
  forms: Partial<Record<FormType, FormState>>;
  lastError: ActionError | null;
}

/**
 * The state before anything happened.
 *
 * @example
 * const state = initialChatState(2); // chatting with group 2
 */
export function initialChatState(groupId: number): ChatState {
  return {
    groupId,
    connection: 'idle',
    connectionInfo: null,
    customerId: null,
    users: {},
    chats: {},
    currentChatId: null,
    groupStatus: {},
    predictedAgent: null,
    greeting: null,
    typing: {},
    typingRevision: 0,
    localSends: [],
    forms: {},
    lastError: null,
  };
}
