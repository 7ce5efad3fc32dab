// Public types of the embed API: the config object, the widget's methods, getters and event payloads.
// Names and payload fields mirror LiveChat's widget JS API so people who know it feel at home.
import type { Visibility } from '../chat/visibility';
import type { CustomerToken } from '../protocol/token-source';
import type { ConnectionState, CustomerInput } from '../protocol/types';

export type { CustomerInput, CustomerToken, Visibility };

/**
 * Whether the configured group has an agent available.
 *
 * @example
 * widget.on('availability_changed', ({ availability }: { availability: Availability }) => console.log(availability));
 */
export type Availability = 'online' | 'offline';

/**
 * Everything `createChatWidget` and `chatlet('init', …)` accept. On a script tag the same options
 * are `data-*` attributes in kebab case (`data-license-id="12345"`, `data-customer='{"name":"Ann"}'`).
 *
 * @example
 * const config: ChatWidgetConfig = { licenseId: 12345, groupId: 2, accentColor: '#0a7', position: 'left' };
 */
export interface ChatWidgetConfig {
  /** LiveChat license (required). */
  licenseId: number;
  /** RTM base URL, default `wss://api.livechatinc.com`. */
  apiUrl?: string;
  /** Accounts base URL for the cookie grant, default `https://accounts.livechatinc.com`. */
  accountsUrl?: string;
  /** OAuth client id for the cookie grant. */
  clientId?: string;
  /** Custom identity provider; replaces the cookie grant. */
  getToken?: () => Promise<CustomerToken>;
  /** Group to chat with, default 0. */
  groupId?: number;
  /** Identity sent at login. */
  customer?: CustomerInput;
  /** Initial visibility, default `minimized`. */
  visibility?: Visibility;
  /** `on-interaction`: no socket, cookie or storage write until the visitor opens the chat. */
  consent?: 'granted' | 'on-interaction';
  /** Accent colour (any CSS colour). */
  accentColor?: string;
  /** Side of the viewport the floating widget sits on, default `right`. */
  position?: 'left' | 'right';
  /** z-index of the floating widget. */
  zIndex?: number;
  /** Dark mode: on, off, or following the visitor's system setting (default `auto`). */
  darkMode?: boolean | 'auto';
  /** UI texts overridden by key, over those of the chosen locale. */
  strings?: Record<string, string>;
  /**
   * UI language, a BCP 47 tag (`de`, `pt-BR`). Default: the page's `<html lang>`, else the browser's
   * languages. Built in: en, de, fr, es, it, pt, nl, pl, sv, tr, ru, uk, ja, zh (Simplified), ko, ar,
   * he; any other language gets English, which `strings` can translate.
   */
  locale?: string;
  /** CSP nonce for the `<style>` fallback on browsers without constructable stylesheets. */
  nonce?: string;
  /** (npm) Render the chat inline in this element instead of floating. */
  target?: HTMLElement;
  /**
   * A short chime when an agent's message arrives while the chat is minimized or the page out of view
   * (default `true`): in one of the visitor's tabs, once they used the widget; they can mute it in the
   * chat's menu.
   */
  sound?: boolean;
  /** `(2) Page title` while there are unread agent messages, the title put back once read (default `false`). */
  titleBadge?: boolean;
  /** Visitors may send files: an attach button, drop and paste (default `true`). */
  attachments?: boolean;
  /** The largest file a visitor may send, in bytes: 1 to 10485760 (10 MB, the default and the API's limit). */
  maxFileSize?: number;
}

/**
 * `get('state')`.
 *
 * @example
 * const { availability, visibility }: WidgetState = widget.get('state');
 */
export interface WidgetState {
  availability: Availability;
  visibility: Visibility;
}

/**
 * `get('customer_data')`.
 *
 * @example
 * const { id, isReturning }: CustomerData = widget.get('customer_data');
 */
export interface CustomerData {
  id: string;
  name: string;
  email: string;
  isReturning: boolean;
  status: 'queued' | 'chatting' | 'browsing' | 'invited';
  sessionVariables: Record<string, string>;
}

/**
 * `get('chat_data')`: empty strings while there is no chat.
 *
 * @example
 * const { chatId }: ChatData = widget.get('chat_data');
 */
export interface ChatData {
  chatId: string;
  threadId: string;
}

/**
 * What each getter returns.
 *
 * @example
 * const data: WidgetGetters['chat_data'] = widget.get('chat_data');
 */
export interface WidgetGetters {
  state: WidgetState;
  customer_data: CustomerData;
  chat_data: ChatData;
}

/**
 * Every event and its payload.
 *
 * @example
 * const log = (e: WidgetEvents['new_event']) => console.log(e.author.type, e.type);
 */
export interface WidgetEvents {
  /** The chat app is loaded and running; getters return live data (fires at once for late subscribers). */
  ready: { state: WidgetState; customerData: CustomerData };
  visibility_changed: { visibility: Visibility };
  availability_changed: { availability: Availability };
  /** An incoming or outgoing message, rich message or file. */
  new_event: {
    timestamp: number;
    type: 'message' | 'rich_message' | 'file';
    author: { id: string; type: 'customer' | 'agent' };
  };
  form_submitted: { type: 'prechat' | 'postchat' | 'ticket' };
  /** `none` means the rating was cancelled. */
  rating_submitted: 'good' | 'bad' | 'none';
  rich_message_button_clicked: { eventId: string; postbackId: string };
  unread_changed: { count: number };
  connection_changed: { state: ConnectionState };
  /**
   * The visitor's status changed: `queued` (waiting for an agent), `chatting`, `invited` (offered a
   * greeting, no chat started) or `browsing`.
   */
  customer_status_changed: { status: CustomerData['status'] };
  /** The greeting from the login appeared above the launcher (while minimized). */
  greeting_displayed: GreetingInfo;
  /** The greeting went: dismissed, accepted, the chat opened or hidden. */
  greeting_hidden: GreetingInfo;
}

/**
 * Which greeting `greeting_displayed` and `greeting_hidden` are about (LiveChat's fields).
 *
 * @example
 * widget.on('greeting_displayed', ({ id, uniqueId }: GreetingInfo) => console.log(id, uniqueId));
 */
export interface GreetingInfo {
  id: number;
  uniqueId: string;
}

/**
 * Any event name.
 *
 * @example
 * const names: WidgetEventName[] = ['ready', 'new_event'];
 */
export type WidgetEventName = keyof WidgetEvents;

/**
 * A page the visitor is on, reported with `update_customer_page`.
 *
 * @example
 * widget.updatePage({ url: location.href, title: document.title } satisfies PageInfo);
 */
export interface PageInfo {
  url: string;
  title?: string;
}

/**
 * A widget on the page. Methods never throw: bad arguments log one console error and change nothing.
 *
 * @example
 * const w = createChatWidget({ licenseId: 12345 });
 * const off = w.on('new_event', (e) => console.log(e.type));
 * w.maximize({ messageDraft: 'Hi!' });
 * off();
 * w.destroy();
 */
export interface ChatWidget {
  /**
   * Starts the widget; `config` is merged over the config given to `createChatWidget`. A no-op
   * while running; after `destroy()` it starts again.
   */
  init(config?: Partial<ChatWidgetConfig>): void;
  /** Loads the chat now rather than on the visitor's intent (it connects unless consent is pending). */
  preload(): void;
  maximize(options?: { messageDraft?: string }): void;
  minimize(): void;
  hide(): void;
  on<K extends WidgetEventName>(name: K, handler: (payload: WidgetEvents[K]) => void): () => void;
  off<K extends WidgetEventName>(name: K, handler: (payload: WidgetEvents[K]) => void): void;
  get<K extends keyof WidgetGetters>(name: K): WidgetGetters[K];
  setCustomerName(name: string): void;
  setCustomerEmail(email: string): void;
  /** Replaces all session variables (`set_customer_fields`). */
  setSessionVariables(variables: Record<string, string>): void;
  /** Reports a route change; the first call turns automatic page tracking off. */
  updatePage(page: PageInfo): void;
  /** Removes every element, listener, timer, socket and observer; idempotent. */
  destroy(): void;
}
