// Domain events the store emits for the embed layer; names and payloads follow LiveChat's widget API.
import type { ChatEvent, ConnectionState } from '../protocol/types';
import type { ConnectionInfo } from './chat-state';

/**
 * Listener arguments by event name for `store.on(name, fn)`.
 *
 * @example
 * store.on('new_event', ({ type, author }) => console.log(type, author.type));
 */
export interface ChatStoreEvents extends Record<string, unknown[]> {
  /** A message, rich message or file appeared live in the current chat (incoming or our own, once). */
  new_event: [
    {
      timestamp: number;
      type: 'message' | 'rich_message' | 'file';
      author: { id: string; type: 'customer' | 'agent' };
      chatId: string;
      event: ChatEvent;
    },
  ];
  form_submitted: [{ type: 'prechat' | 'postchat' }];
  rating_submitted: ['good' | 'bad'];
  rich_message_button_clicked: [{ eventId: string; postbackId: string }];
  availability_changed: [{ availability: 'online' | 'offline' }];
  unread_changed: [{ count: number }];
  connection_changed: [{ state: ConnectionState; info: ConnectionInfo | null }];
}
