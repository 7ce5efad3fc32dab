// What the store tells the embed layer; names and payloads follow LiveChat's widget API.
import type { ChatEvent, ConnectionState } from '../protocol/types';
import type { Visibility } from './visibility';

/** Listener arguments by event name, for `store.on(name, fn)`. */
export interface StoreEvents extends Record<string, unknown[]> {
  /** A message, rich message or file appeared live in a chat (incoming or the visitor's own), once. */
  new_event: [{ timestamp: number; type: 'message' | 'rich_message' | 'file'; author: { id: string; type: 'customer' | 'agent' }; chatId: string; event: ChatEvent }];
  form_submitted: [{ type: 'prechat' | 'postchat' }];
  rating_submitted: ['good' | 'bad'];
  rich_message_button_clicked: [{ eventId: string; postbackId: string }];
  availability_changed: [{ availability: 'online' | 'offline' }];
  unread_changed: [{ count: number }];
  connection_changed: [{ state: ConnectionState }];
  visibility_changed: [{ visibility: Visibility }];
  /** The greeting bubble appeared on the page, or went (dismissed, accepted, the chat opened or hidden). */
  greeting_displayed: [{ id: number; uniqueId: string }];
  greeting_hidden: [{ id: number; uniqueId: string }];
  customer_status_changed: [{ status: 'queued' | 'chatting' | 'invited' | 'browsing' }];
}
