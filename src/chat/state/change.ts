// What can happen to the chat state, as plain domain facts: the reducer's only input. Pushes
// (from-push.ts) and replies (from-reply.ts) are translated into these; the store adds its own.
import type { ChatEvent, Form, FormType, Greeting, GroupStatus, PredictedAgent, ThreadSummary, User } from '../../protocol/types';
import type { ActionError, OutboxEntry, PropertyValues } from './chat-state';

/** A change to the chat state. */
export type Change =
  | {
      type: 'logged_in';
      customerId: string | null;
      onlineGroups: number[];
      predictedAgent: PredictedAgent | null;
      greeting: Greeting | null;
      chats: { id: string; active?: boolean; unread: boolean }[];
    }
  /** What the server says about a chat; fields it did not send are left out. */
  | { type: 'chat_updated'; chatId: string; order?: number; userIds?: string[]; properties?: PropertyValues; lastThreadId?: string; active?: boolean }
  /** The visitor's chats as `get_chats_summary` lists them: the widget shows the active or newest one. */
  | { type: 'chats_listed'; chatIds: string[] }
  /** Users as the server describes them, merged with what is known of them. */
  | { type: 'users_changed'; users: User[] }
  | { type: 'user_joined'; chatId: string; userId: string }
  | { type: 'user_left'; chatId: string; userId: string }
  | { type: 'thread_updated'; chatId: string; threadId: string; order?: number; active?: boolean; timestamp?: number; createdAt?: string; properties?: PropertyValues }
  /** A thread started in this chat (its thread, when known): it is the chat the widget shows. */
  | { type: 'thread_opened'; chatId: string; threadId?: string }
  | { type: 'thread_closed'; chatId: string; threadId: string }
  /** Events the server has, into `threadId` (`null`: the chat's last thread); `live` when they just happened. */
  | { type: 'events_added'; chatId: string; threadId: string | null; events: ChatEvent[]; live: boolean }
  /** The server acknowledged an outbox entry without sending the event itself. */
  | { type: 'event_confirmed'; customId: string; chatId: string; threadId?: string; eventId?: string }
  /** Properties set or deleted on a chat, a thread (`threadId`) or an event (`eventId` too). */
  | { type: 'properties_changed'; chatId: string; threadId?: string; eventId?: string; set?: PropertyValues; deleted?: Record<string, string[]> }
  | { type: 'button_toggled'; chatId: string; threadId: string; eventId: string; userId: string; postbackId: string; on: boolean }
  | { type: 'typing_changed'; chatId: string; authorId: string; typing: boolean }
  | { type: 'typing_expired'; chatId: string; authorId: string; revision: number }
  /** A read receipt moved, in ms; without `userId`, the visitor's own. */
  | { type: 'seen_updated'; chatId: string; userId?: string; seenUpTo: number }
  | { type: 'groups_changed'; statuses: Record<string, GroupStatus> }
  | { type: 'threads_listed'; chatId: string; summaries: ThreadSummary[]; total: number }
  | { type: 'history_loading'; chatId: string; loading: boolean }
  /** New outbox entries (composed now, or restored from storage). */
  | { type: 'send_queued'; entries: OutboxEntry[] }
  | { type: 'send_failed'; customIds: string[]; error: string }
  /** A queued file's upload answered with its `url`. */
  | { type: 'file_uploaded'; customId: string; url: string }
  /** The visitor took back an entry not yet acknowledged (a file before or while it uploads, a failed send). */
  | { type: 'send_removed'; customId: string }
  /** Requeues that failed entry and every failed one before it. */
  | { type: 'send_retried'; customId: string }
  | { type: 'form_requested'; formType: FormType }
  | { type: 'form_loaded'; formType: FormType; enabled: boolean; form: Form | null }
  | { type: 'form_failed'; formType: FormType; message: string }
  /** The visitor dismissed the greeting with this `unique_id`: it stays away, also when a login brings it again. */
  | { type: 'greeting_dismissed'; uniqueId: string }
  | { type: 'action_failed'; error: ActionError }
  | { type: 'error_dismissed' };
