import type { Change } from './state/change';
import type { ChatState } from './state/chat-state';
import { eventTime } from './state/event-time';
import type { StoreEvents } from './store-events';

type NewEvent = StoreEvents['new_event'][0];

const TYPES: readonly string[] = ['message', 'rich_message', 'file'];

const has = (state: ChatState, chatId: string, id: string) =>
  Object.values(state.chats[chatId]?.threads ?? {}).some((t) => t.events.some((e) => e.id === id));

/**
 * The `new_event` payloads for the messages, rich messages and files a live `events_added` brought
 * into the state (LiveChat's `new_event` covers those three types), skipping events for agents only
 * and events already known.
 */
export function newEvents(before: ChatState, after: ChatState, change: Extract<Change, { type: 'events_added' }>, now: number): NewEvent[] {
  const { chatId } = change;
  return change.events
    .filter((e) => TYPES.includes(e.type) && e.recipients !== 'agents' && !has(before, chatId, e.id) && has(after, chatId, e.id))
    .map((e) => {
      const authorId = e.author_id ?? '';
      return {
        timestamp: eventTime(e) ?? now,
        type: e.type as NewEvent['type'],
        author: { id: authorId, type: authorId === after.customerId ? 'customer' : 'agent' },
        chatId,
        event: e,
      };
    });
}
