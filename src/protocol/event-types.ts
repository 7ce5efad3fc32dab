// Wire shapes of chat events (seed 002 "Event", protocol-notes §4), as a customer receives and sends them.
import type { FilledFormField, SeedFilledFormField } from './form-types';
import type { RichMessageElement, RichMessageEvent, RichMessageTemplate } from './rich-message-types';

/**
 * Who sees an event: everyone (default) or agents only (a widget hides the latter).
 *
 * @example
 * const note: NewEvent = { type: 'message', text: 'internal', recipients: 'agents' satisfies Recipients };
 */
export type Recipients = 'all' | 'agents';

/**
 * Properties as responses and pushes carry them: every value wrapped, `{ns: {name: {value}}}`.
 *
 * @example
 * const rating: Properties = { rating: { score: { value: 1 }, comment: { value: 'great' } } };
 */
export interface Properties {
  [namespace: string]: { [name: string]: { value: unknown } };
}

/**
 * Properties as requests send them: bare values, `{ns: {name: value}}`.
 *
 * @example
 * const rating: PropertiesInput = { rating: { score: 1, comment: 'great' } };
 */
export interface PropertiesInput {
  [namespace: string]: { [name: string]: unknown };
}

/**
 * Property names to delete, `{ns: [name, …]}`.
 *
 * @example
 * const names: PropertyNames = { rating: ['score', 'comment'] };
 */
export interface PropertyNames {
  [namespace: string]: string[];
}

/**
 * Fields every received event has. Timing comes in two variants: the seed's `order` + `timestamp`
 * (seconds) or released v3.1's `created_at` (RFC 3339 with µs); either may be missing.
 *
 * @example
 * const sortKey = (e: EventBase) => e.order ?? e.created_at ?? 0;
 */
export interface EventBase {
  id: string;
  custom_id?: string;
  author_id?: string;
  recipients?: Recipients;
  properties?: Properties;
  order?: number;
  timestamp?: number;
  created_at?: string;
}

/**
 * The postback a rich-message button attached to the message it posted (released v3.1).
 *
 * @example
 * const fromButton = (e: ChatMessageEvent) => e.postback?.id;
 */
export interface MessagePostback {
  id: string;
  thread_id: string;
  event_id: string;
  type?: string;
  value?: string;
}

/**
 * A plain text message.
 *
 * @example
 * const m: ChatMessageEvent = { id: 'E1', type: 'message', text: 'Hello', author_id: 'agent1@example.com', order: 1 };
 */
export interface ChatMessageEvent extends EventBase {
  type: 'message';
  text: string;
  postback?: MessagePostback;
}

/**
 * A message from the system (no author), e.g. `agent_joined`, `chat_transferred`, `rating.chat_rated`.
 *
 * @example
 * const s: SystemMessageEvent = { id: 'E2', type: 'system_message', text: 'Bart joined the chat.', system_message_type: 'agent_joined' };
 */
export interface SystemMessageEvent extends EventBase {
  type: 'system_message';
  text: string;
  system_message_type?: string;
  text_vars?: Record<string, string>;
}

/**
 * A file; images (png, jpeg, gif) add dimensions and thumbnails.
 *
 * @example
 * const isImage = (f: FileEvent) => f.thumbnail_url !== undefined || f.content_type.startsWith('image/');
 */
export interface FileEvent extends EventBase {
  type: 'file';
  name: string;
  url: string;
  content_type: string;
  size: number;
  width?: number;
  height?: number;
  thumbnail_url?: string;
  thumbnail2x_url?: string;
}

/**
 * Answers to a prechat or postchat form. Fields follow protocol-notes §4; seed 002's older shape is tolerated.
 *
 * @example
 * const answers = (e: FilledFormEvent) => e.fields.filter((f) => 'answer' in f);
 */
export interface FilledFormEvent extends EventBase {
  type: 'filled_form';
  form_id: string;
  fields: (FilledFormField | SeedFilledFormField)[];
}

/**
 * Any JSON an integration sends.
 *
 * @example
 * const payload = (e: CustomContentEvent) => e.content;
 */
export interface CustomContentEvent extends EventBase {
  type: 'custom';
  content?: unknown;
}

/**
 * Every event a customer can receive, discriminated by `type`.
 *
 * @example
 * function preview(e: ChatEvent): string {
 *   return e.type === 'message' || e.type === 'system_message' ? e.text : e.type;
 * }
 */
export type ChatEvent =
  | ChatMessageEvent
  | SystemMessageEvent
  | FileEvent
  | FilledFormEvent
  | RichMessageEvent
  | CustomContentEvent;

/**
 * The `type` of a {@link ChatEvent}.
 *
 * @example
 * const visible: ChatEventType[] = ['message', 'system_message', 'file', 'rich_message', 'filled_form'];
 */
export type ChatEventType = ChatEvent['type'];

/**
 * Fields a customer may set on an event it sends; the server adds `id`, `author_id` and timing.
 *
 * @example
 * const base: NewEventBase = { custom_id: crypto.randomUUID(), recipients: 'all' };
 */
export interface NewEventBase {
  custom_id?: string;
  recipients?: Recipients;
  properties?: PropertiesInput;
}

/**
 * An event as `send_event`, `start_chat` and `activate_chat` send it. A `file` event references an
 * uploaded file's `url` (released v3.1); the seed's `start_chat` sample also sends a `system_message`.
 *
 * @example
 * const hello: NewEvent = { type: 'message', text: 'Hello', custom_id: 'c-1', recipients: 'all' };
 */
export type NewEvent =
  | (NewEventBase & { type: 'message'; text: string; postback?: MessagePostback })
  | (NewEventBase & { type: 'system_message'; text: string })
  | (NewEventBase & { type: 'file'; url: string })
  | (NewEventBase & { type: 'filled_form'; form_id: string; fields: FilledFormField[] })
  | (NewEventBase & { type: 'rich_message'; template_id: RichMessageTemplate; elements?: RichMessageElement[] })
  | (NewEventBase & { type: 'custom'; content: unknown });
