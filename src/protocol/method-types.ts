// Request and response payloads of every customer method (seed 003; released v3.1 variants per protocol-notes §9).
import type {
  Access,
  Chat,
  ChatSummary,
  Customer,
  CustomerInput,
  CustomerPage,
  GroupStatus,
  ThreadSummary,
} from './chat-types';
import type { ChatEvent, NewEvent, PropertiesInput, PropertyNames } from './event-types';
import type { Form, FormType } from './form-types';
import type { LoginResponse, PredictedAgent } from './login-types';

/**
 * A response without fields.
 *
 * @example
 * const done: EmptyResponse = await client.closeThread({ chat_id });
 */
export type EmptyResponse = Record<string, never>;

/**
 * `login`'s request. `token` is `"Bearer <access_token>"`.
 *
 * @example
 * const login: LoginRequest = { token: 'Bearer dal:…', group_id: 0, customer_page: { url: 'https://shop.example/' } };
 */
export interface LoginRequest {
  token: string;
  customer?: CustomerInput;
  customer_page?: CustomerPage;
  /** What the last `customer_side_storage_updated` pushed, unchanged: any JSON values. */
  customer_side_storage?: Record<string, unknown>;
  is_mobile?: boolean;
  group_id?: number;
  referrer?: string;
}

/**
 * What `start_chat` and `activate_chat` may set on the chat and its first thread.
 *
 * @example
 * const chat: ChatInput = { thread: { events: [{ type: 'message', text: 'Hi', custom_id: 'c1' }] } };
 * await client.startChat({ chat });
 */
export interface ChatInput {
  properties?: PropertiesInput;
  access?: Access;
  /** Seed (draft) only: the one existing customer. */
  users?: { id: string; type: 'customer' }[];
  thread?: { events?: NewEvent[]; properties?: PropertiesInput };
}

/**
 * `start_chat` answers with the full chat (seed) or only IDs (released v3.1).
 *
 * @example
 * const r = await client.startChat();
 * const chatId = 'chat' in r ? r.chat.id : r.chat_id;
 */
export type StartChatResponse = { chat: Chat } | { chat_id: string; thread_id: string; event_ids?: string[] };

/**
 * `activate_chat` answers with the full chat (seed) or only IDs (released v3.1).
 *
 * @example
 * const r = await client.activateChat({ chat: { id: chatId } });
 * const threadId = 'chat' in r ? r.chat.thread?.id : r.thread_id;
 */
export type ActivateChatResponse = { chat: Chat } | { thread_id: string; event_ids?: string[] };

/**
 * `send_event` answers with the thread and event (seed) or only the event's ID (released v3.1).
 *
 * @example
 * const r = await client.sendEvent({ chat_id, event });
 * const eventId = 'event_id' in r ? r.event_id : r.event.id;
 */
export type SendEventResponse = { thread_id: string; event: ChatEvent } | { event_id: string };

/**
 * `get_url_details`: `image_url` has no scheme.
 *
 * @example
 * const preview: UrlDetails = await client.getUrlDetails({ url: 'https://livechatinc.com' });
 */
export interface UrlDetails {
  title?: string;
  description?: string;
  image_url?: string;
  image_width?: number;
  image_height?: number;
  url: string;
}

/** Shorthand for one entry of {@link MethodMap}. */
interface Method<Req, Res> {
  request: Req;
  response: Res;
}

/**
 * Every customer method by action name → its request and response payloads.
 * `request(action, payload)` and the camelCase wrappers are typed from this map.
 *
 * @example
 * const payload: MethodMap['send_event']['request'] = { chat_id: 'PJ0MRSHTDG', event: { type: 'message', text: 'Hi' } };
 */
export interface MethodMap {
  login: Method<LoginRequest, LoginResponse>;
  get_chats_summary: Method<
    { offset?: number; limit?: number },
    { chats_summary: ChatSummary[]; total_chats: number }
  >;
  get_chat_threads_summary: Method<
    { chat_id: string; offset?: number; limit?: number },
    { threads_summary: ThreadSummary[]; total_threads: number }
  >;
  get_chat_threads: Method<{ chat_id: string; thread_ids?: string[] }, { chat: Chat }>;
  start_chat: Method<{ chat?: ChatInput; continuous?: boolean }, StartChatResponse>;
  activate_chat: Method<{ chat: ChatInput & { id: string; order?: number }; continuous?: boolean }, ActivateChatResponse>;
  close_thread: Method<{ chat_id: string }, EmptyResponse>;
  send_event: Method<
    { chat_id: string; event: NewEvent; attach_to_last_thread?: boolean; require_active_thread?: boolean },
    SendEventResponse
  >;
  send_rich_message_postback: Method<
    { chat_id: string; thread_id: string; event_id: string; postback: { id: string; toggled: boolean } },
    EmptyResponse
  >;
  send_sneak_peek: Method<{ chat_id: string; sneak_peek_text: string }, EmptyResponse>;
  update_chat_properties: Method<{ chat_id: string; properties: PropertiesInput }, EmptyResponse>;
  delete_chat_properties: Method<{ chat_id: string; properties: PropertyNames }, EmptyResponse>;
  update_chat_thread_properties: Method<
    { chat_id: string; thread_id: string; properties: PropertiesInput },
    EmptyResponse
  >;
  delete_chat_thread_properties: Method<
    { chat_id: string; thread_id: string; properties: PropertyNames },
    EmptyResponse
  >;
  update_event_properties: Method<
    { chat_id: string; thread_id: string; event_id: string; properties: PropertiesInput },
    EmptyResponse
  >;
  delete_event_properties: Method<
    { chat_id: string; thread_id: string; event_id: string; properties: PropertyNames },
    EmptyResponse
  >;
  /** Answers with the customer per the reference, `{}` per the seed sample. */
  update_customer: Method<CustomerInput, Partial<Customer>>;
  update_customer_page: Method<CustomerPage, EmptyResponse>;
  set_customer_fields: Method<{ fields: Record<string, string> }, EmptyResponse>;
  get_groups_status: Method<
    { all?: boolean; groups?: number[] },
    { groups_status: Record<string, GroupStatus> }
  >;
  get_form: Method<{ group_id: number; type: FormType }, { enabled: boolean; form?: Form }>;
  /** Flat agent in released v3.1; the seed's sample nests it in `agent`. */
  get_predicted_agent: Method<{ group_id?: number }, PredictedAgent | { agent: PredictedAgent }>;
  get_url_details: Method<{ url: string }, UrlDetails>;
  /** Seed (draft) read receipt; `timestamp` in seconds. */
  update_last_seen_timestamp: Method<{ chat_id: string; timestamp?: number }, { timestamp: number }>;
  /** Released v3.1 read receipt; `seen_up_to` is RFC 3339. */
  mark_events_as_seen: Method<{ chat_id: string; seen_up_to: string }, EmptyResponse>;
}

/**
 * The name of a customer method.
 *
 * @example
 * const read = (a: Action) => a.startsWith('get_');
 */
export type Action = keyof MethodMap;
