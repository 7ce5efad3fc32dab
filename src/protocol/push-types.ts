// Payloads of every push a customer can receive (protocol-notes §3, seed 002 "Pushes").
import type { Access, Chat, Customer, TypingIndicator, User, UserType } from './chat-types';
import type { Greeting } from './login-types';
import type { ChatEvent, Properties, PropertyNames } from './event-types';

/**
 * Why the server disconnected the customer (protocol-notes §3). Unknown reasons may arrive too.
 *
 * @example
 * const reason: DisconnectReason = 'access_token_expired';
 */
export type DisconnectReason =
  | 'access_token_expired'
  | 'connection_timeout'
  | 'internal_error'
  | 'connection_evicted'
  | 'service_temporarily_unavailable'
  | 'too_many_unauthorized_connections'
  | 'too_many_connections'
  | 'customer_temporarily_blocked'
  | 'customer_banned'
  | 'license_not_found'
  | 'license_expired'
  | 'unsupported_version'
  | 'product_version_changed'
  | 'misdirected_connection'
  | 'inactivity_timeout'
  | (string & {});

/**
 * Every customer push by action name → its payload. `on(name, fn)` is typed from this map.
 *
 * @example
 * function onEvent(p: PushMap['incoming_event']) {
 *   if (p.event.type === 'message') console.log(p.chat_id, p.event.text);
 * }
 */
export interface PushMap {
  /** A thread started (with its initial events): the chat is active. */
  incoming_chat_thread: { chat: Chat };
  /** `user_id` is missing when the router closed the thread. */
  thread_closed: { chat_id: string; thread_id: string; user_id?: string };
  access_set: { resource: string; id: string; access: Access };
  chat_transferred: {
    chat_id: string;
    thread_id: string;
    requester_id?: string;
    type: 'agent' | 'group';
    ids: (string | number)[];
  };
  /** `thread_id` is empty when the chat is inactive; `user.present: false` means it wrote without joining. */
  chat_user_added: { chat_id: string; thread_id: string; user: User; user_type: UserType };
  chat_user_removed: { chat_id: string; thread_id: string; user_id: string; user_type: UserType };
  incoming_event: { chat_id: string; thread_id?: string; event: ChatEvent };
  event_updated: { chat_id: string; thread_id: string; event: ChatEvent };
  incoming_rich_message_postback: {
    user_id: string;
    chat_id: string;
    thread_id: string;
    event_id: string;
    postback: { id: string; toggled: boolean };
  };
  /** Only the properties that changed. */
  chat_properties_updated: { chat_id: string; properties: Properties };
  chat_properties_deleted: { chat_id: string; properties: PropertyNames };
  chat_thread_properties_updated: { chat_id: string; thread_id: string; properties: Properties };
  chat_thread_properties_deleted: { chat_id: string; thread_id: string; properties: PropertyNames };
  event_properties_updated: { chat_id: string; thread_id: string; event_id: string; properties: Properties };
  event_properties_deleted: { chat_id: string; thread_id: string; event_id: string; properties: PropertyNames };
  /** Released v3.1 wraps the customer; seed 002's sample sends it flat. */
  customer_updated: { customer: Customer } | Customer;
  customer_page_updated: { url: string; title?: string; timestamp?: number };
  /** The full map to persist and send back at every login; values are any JSON. */
  customer_side_storage_updated: { customer_side_storage: Record<string, unknown> };
  customer_disconnected: { reason: DisconnectReason; data?: { timeout?: number; region?: string } & Record<string, unknown> };
  incoming_typing_indicator: { chat_id: string; thread_id?: string; typing_indicator: TypingIndicator };
  /** `type: 'lc2'` with `content.name: 'groups_update'` reports group availability changes. */
  incoming_multicast: { author_id?: string; type?: string; content: unknown };
  /** Seed (draft) read receipt. */
  last_seen_timestamp_updated: { user_id: string; chat_id: string; thread_id?: string; timestamp: number };
  /** Released v3.1 read receipt. */
  events_marked_as_seen: { user_id: string; chat_id: string; seen_up_to: string };
  incoming_greeting: Greeting;
}

/**
 * The name of a known customer push.
 *
 * @example
 * const names: PushName[] = ['incoming_event', 'thread_closed'];
 */
export type PushName = keyof PushMap;
