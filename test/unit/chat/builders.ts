// Plain-object builders for chat tests: wire events, threads and chats shaped like seed 002.
import type { Chat, ChatEvent, ChatMessageEvent, RichMessageEvent, Thread } from '../../../src/protocol/types';
import type { ChatAction, PushAction } from '../../../src/chat/chat-action';
import { initialChatState, type ChatState } from '../../../src/chat/chat-state';
import { reduce } from '../../../src/chat/reducer';

export const CHAT = 'PJ0MRSHTDG';
export const THREAD = 'K600PKZON8';
export const ME = 'b7eff798-f8df-4364-8059-649c35c9ed0c';
export const AGENT = 'agent1@example.com';

export function message(id: string, extra: Partial<ChatMessageEvent> = {}): ChatMessageEvent {
  return { id, type: 'message', text: `text ${id}`, author_id: AGENT, recipients: 'all', ...extra };
}

export function cards(id: string, buttons: { postback_id: string; user_ids?: string[] }[][]): RichMessageEvent {
  return {
    id,
    type: 'rich_message',
    template_id: 'cards',
    author_id: AGENT,
    elements: buttons.map((row, i) => ({
      title: `card ${i}`,
      buttons: row.map((b) => ({ text: b.postback_id, postback_id: b.postback_id, user_ids: b.user_ids ?? [] })),
    })),
  };
}

export function thread(id: string, order: number, events: ChatEvent[] = [], extra: Partial<Thread> = {}): Thread {
  return { id, order, active: true, user_ids: [ME, AGENT], events, ...extra };
}

export function chat(threads: Thread[], extra: Partial<Chat> = {}): Chat {
  return {
    id: CHAT,
    order: 343544565,
    users: [
      { id: ME, type: 'customer', name: 'Me' },
      { id: AGENT, type: 'agent', name: 'Bart', present: true },
    ],
    properties: {},
    access: {},
    threads,
    ...extra,
  };
}

export const push = <A extends PushAction>(name: A['name'], payload: A['payload']): ChatAction =>
  ({ type: 'push', name, payload }) as ChatAction;

export const incoming = (event: ChatEvent, threadId = THREAD): ChatAction =>
  push('incoming_event', { chat_id: CHAT, thread_id: threadId, event });

/** A logged-in state with the chat loaded (one active thread, no events unless given). */
export function loggedIn(events: ChatEvent[] = [], groupOnline = true): ChatState {
  return run(
    initialChatState(0),
    {
      type: 'logged_in',
      response: {
        customer_id: ME,
        chats: [{ chat_id: CHAT, has_unread_events: false }],
        __priv_dynamic_config: { online_groups_ids: groupOnline ? [0] : [1] },
      },
    },
    { type: 'chat_fetched', chat: chat([thread(THREAD, 1, events)]) },
  );
}

export function run(state: ChatState, ...actions: ChatAction[]): ChatState {
  return actions.reduce(reduce, state);
}
