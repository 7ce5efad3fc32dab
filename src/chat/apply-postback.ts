// `incoming_rich_message_postback`: who pressed which rich-message button (seed 002 "Rich message").
import type { PushMap, RichMessageButton, RichMessageEvent } from '../protocol/types';
import type { ChatState } from './chat-state';
import { withChat } from './with-chat';
import { withThread } from './with-thread';

type Postback = PushMap['incoming_rich_message_postback'];

function toggle(button: RichMessageButton, userId: string, on: boolean): RichMessageButton {
  const ids = Array.isArray(button.user_ids) ? button.user_ids : [];
  if (ids.includes(userId) === on) return button;
  return { ...button, user_ids: on ? [...ids, userId] : ids.filter((id) => id !== userId) };
}

function applyToEvent(event: RichMessageEvent, p: Postback): RichMessageEvent {
  let changed = false;
  const elements = (event.elements ?? []).map((element) => {
    if (!Array.isArray(element.buttons)) return element;
    const buttons = element.buttons.map((b) => (b.postback_id === p.postback.id ? toggle(b, p.user_id, p.postback.toggled) : b));
    if (buttons.every((b, i) => b === element.buttons![i])) return element;
    changed = true;
    return { ...element, buttons };
  });
  return changed ? { ...event, elements } : event;
}

/**
 * Adds (`toggled: true`) or removes the user in `user_ids` of every button of the event with that
 * `postback_id` (buttons sharing an id toggle together). Idempotent, so the store can apply its own
 * click at once and the server's push again later.
 *
 * @example
 * applyPostback(state, { user_id: 'me', chat_id: 'c', thread_id: 't', event_id: 'e', postback: { id: 'yes', toggled: true } });
 */
export function applyPostback(state: ChatState, p: Postback): ChatState {
  const { chat_id: chatId, thread_id: threadId, event_id: eventId, user_id: userId, postback } = p;
  if (typeof userId !== 'string' || typeof postback?.id !== 'string' || typeof postback.toggled !== 'boolean') return state;
  const thread = state.chats[chatId]?.threads[threadId];
  const at = thread ? thread.events.findIndex((e) => e.id === eventId) : -1;
  const event = thread?.events[at];
  if (!event || event.type !== 'rich_message') return state;
  const updated = applyToEvent(event, p);
  if (updated === event) return state;
  return withChat(state, chatId, (chat) =>
    withThread(chat, threadId, (t) => {
      const events = t.events.slice();
      events[at] = updated;
      return { ...t, events };
    }),
  );
}
