// The chat domain's whole state: plain data, changed only by `reduce` (reduce.ts).
import type {
  ChatEvent,
  Form,
  FormType,
  Greeting,
  GroupStatus,
  NewEvent,
  PredictedAgent,
  ThreadSummary,
  User,
} from '../../protocol/types';

/** Property values without the wire's `{value}` wrapper: `{ns: {name: value}}`. */
export type PropertyValues = Record<string, Record<string, unknown>>;

/** One thread, its events deduped by `id` and sorted (compare-events.ts). */
export interface ThreadRecord {
  id: string;
  /** Missing until the server describes the thread (an event can arrive before it). */
  order?: number;
  active: boolean;
  timestamp?: number;
  createdAt?: string;
  properties: PropertyValues;
  events: ChatEvent[];
}

/** Paging of older history: the thread summaries fetched so far, newest first. */
export interface HistoryState {
  loading: boolean;
  /** `null` until `get_chat_threads_summary` answered. */
  totalThreads: number | null;
  summaries: ThreadSummary[];
}

/** One chat: members, properties, threads (ordered by `threadIds`, oldest first) and read receipts. */
export interface ChatRecord {
  id: string;
  order?: number;
  /** The chat is active while its last thread is. */
  active: boolean;
  lastThreadId: string | null;
  /** Current members; `ChatState.users` keeps everyone ever seen. */
  userIds: string[];
  properties: PropertyValues;
  threads: Record<string, ThreadRecord>;
  threadIds: string[];
  /** Read receipts: user id → seen up to, in ms. */
  seenUpTo: Record<string, number>;
  /** `login`'s `has_unread_events`, used until the customer's own read receipt is known. */
  hasUnreadHint: boolean;
  history: HistoryState;
}

/**
 * What the outbox sends: messages, filled forms and files. A file's event has an empty `url` until
 * its upload answered (the sender uploads it first).
 */
export type OutgoingEvent = Extract<NewEvent, { type: 'message' | 'filled_form' | 'file' }>;

/** A file the visitor attached, as the outbox keeps it: its bytes are elsewhere (memory, IndexedDB). */
export interface OutboxFile {
  name: string;
  /** The MIME type the browser gave it, possibly empty. */
  type: string;
  size: number;
}

/**
 * A send in the outbox, from when the visitor composed it until the server's copy is in a thread.
 * `queued`: waiting to go (or going); `sent`: acknowledged, the server's copy not here yet; `failed`:
 * refused, the visitor may retry.
 */
export interface OutboxEntry {
  customId: string;
  event: OutgoingEvent;
  status: 'queued' | 'sent' | 'failed';
  /** ms since epoch, when composed. */
  createdAt: number;
  /** A postchat form goes into the last thread even when it is closed. */
  attachToLastThread?: boolean;
  /** With a `file` event: the file attached. */
  file?: OutboxFile;
  chatId?: string;
  threadId?: string;
  eventId?: string;
  error?: string;
}

/** A prechat or postchat form as `get_form` answered. */
export type FormState =
  | { status: 'loading' }
  | { status: 'ready'; enabled: boolean; form: Form | null }
  | { status: 'error'; message: string };

/** The last failed visitor action, for a notice in the UI. */
export interface ActionError {
  action: string;
  type: string;
  message: string;
}

/** Everything the widget knows about the visitor's chats. */
export interface ChatState {
  groupId: number;
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
  /** The `unique_id` of the greeting the visitor dismissed. */
  dismissedGreeting: string | null;
  /** Chat id → typing author id → revision; a timer expires exactly the revision it was set for. */
  typing: Record<string, Record<string, number>>;
  typingRevision: number;
  outbox: OutboxEntry[];
  forms: Partial<Record<FormType, FormState>>;
  lastError: ActionError | null;
}

/** The state before anything happened, chatting with `groupId`. */
export function initialChatState(groupId: number): ChatState {
  return {
    groupId,
    customerId: null,
    users: {},
    chats: {},
    currentChatId: null,
    groupStatus: {},
    predictedAgent: null,
    greeting: null,
    dismissedGreeting: null,
    typing: {},
    typingRevision: 0,
    outbox: [],
    forms: {},
    lastError: null,
  };
}
