// Everything that can happen to the chat state, as plain objects (see reducer.ts).
import type {
  Chat,
  ChatSummary,
  ConnectionState,
  Form,
  FormType,
  LoginResponse,
  PushMap,
  PushName,
  ThreadSummary,
} from '../protocol/types';
import type { ActionError, ConnectionInfo, LocalSend } from './chat-state';

/**
 * A server push, exactly as the client delivered it.
 *
 * @example
 * const action: PushAction = { type: 'push', name: 'thread_closed', payload: { chat_id: 'c', thread_id: 't' } };
 */
export type PushAction = { [K in PushName]: { type: 'push'; name: K; payload: PushMap[K] } }[PushName];

/**
 * The reducer's input: client events, server pushes and responses, and the local send lifecycle.
 *
 * @example
 * const action: ChatAction = { type: 'connection_changed', state: 'online' };
 */
export type ChatAction =
  | PushAction
  | { type: 'connection_changed'; state: ConnectionState; info?: ConnectionInfo | null }
  | { type: 'logged_in'; response: LoginResponse }
  | { type: 'chats_summary'; chats: ChatSummary[] }
  /** `get_chat_threads`, or the full chat a seed-shaped `start_chat`/`activate_chat` returns. */
  | { type: 'chat_fetched'; chat: Chat }
  /** An IDs-only `start_chat`/`activate_chat` response: a new active thread in `chatId`. */
  | { type: 'chat_started'; chatId: string; threadId: string }
  | { type: 'threads_summary'; chatId: string; summaries: ThreadSummary[]; total: number }
  | { type: 'history_loading'; chatId: string; loading: boolean }
  | { type: 'typing_timeout'; chatId: string; authorId: string; revision: number }
  /** Our read receipt, `seenUpTo` in ms. */
  | { type: 'seen_marked'; chatId: string; seenUpTo: number }
  | { type: 'send_queued'; send: LocalSend }
  | { type: 'sends_restored'; sends: LocalSend[] }
  | { type: 'sends_started'; customIds: string[] }
  | { type: 'send_acked'; customId: string; chatId: string; threadId?: string; eventId?: string }
  | { type: 'sends_failed'; customIds: string[]; error: string }
  /** The link dropped mid-request: back to the queue, resent after the next login. */
  | { type: 'sends_requeued'; customIds: string[] }
  /** Requeues that failed send and every failed send before it. */
  | { type: 'send_retried'; customId: string }
  | { type: 'form_requested'; formType: FormType }
  | { type: 'form_loaded'; formType: FormType; enabled: boolean; form: Form | null }
  | { type: 'form_failed'; formType: FormType; message: string }
  | { type: 'action_failed'; error: ActionError }
  | { type: 'error_dismissed' };
