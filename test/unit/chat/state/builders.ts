// Plain-object builders for the chat state tests: wire events shaped like seed 002, and domain changes.
import type { Change } from '../../../../src/chat/state/change';
import { initialChatState, type ChatState, type OutboxEntry } from '../../../../src/chat/state/chat-state';
import { reduce } from '../../../../src/chat/state/reduce';
import { buildTimeline } from '../../../../src/chat/state/timeline';
import { selectCurrentChat } from '../../../../src/chat/state/selectors';
import type { ChatEvent, ChatMessageEvent, RichMessageEvent, User } from '../../../../src/protocol/types';

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

export const USERS: User[] = [
  { id: ME, type: 'customer', name: 'Me' },
  { id: AGENT, type: 'agent', name: 'Bart', present: true },
];

/** Events the server has, into a thread of the builders' chat; `live` unless said otherwise. */
export const added = (events: ChatEvent[], threadId: string | null = THREAD, live = true): Change => ({ type: 'events_added', chatId: CHAT, threadId, events, live });

/** A thread of the builders' chat as the server describes it. */
export const threadOf = (threadId: string, order?: number, active = true): Change => ({ type: 'thread_updated', chatId: CHAT, threadId, order, active });

/** A login of the builders' customer; the group online unless said otherwise. */
export const login = (extra: Partial<Extract<Change, { type: 'logged_in' }>> = {}): Change => ({
  type: 'logged_in',
  customerId: ME,
  onlineGroups: [0],
  predictedAgent: null,
  greeting: null,
  chats: [{ id: CHAT, unread: false }],
  ...extra,
});

/** An outbox entry, queued. */
export const entry = (customId: string, text = `typed ${customId}`): OutboxEntry => ({
  customId,
  event: { type: 'message', text, custom_id: customId, recipients: 'all' },
  status: 'queued',
  createdAt: Date.UTC(2024, 0, 1),
});

/** A logged-in state with the chat loaded (one active thread, no events unless given). */
export function loggedIn(events: ChatEvent[] = [], groupOnline = true): ChatState {
  return run(
    initialChatState(0),
    login({ onlineGroups: groupOnline ? [0] : [1] }),
    { type: 'chat_updated', chatId: CHAT, order: 343544565, userIds: USERS.map((u) => u.id) },
    { type: 'users_changed', users: USERS },
    threadOf(THREAD, 1),
    added(events, THREAD, false),
  );
}

export function run(state: ChatState, ...changes: Change[]): ChatState {
  return changes.reduce(reduce, state);
}

/** The current chat's timeline, as the store's view builds it. */
export const timelineOf = (state: ChatState) => buildTimeline(selectCurrentChat(state), state.outbox, state.customerId);
