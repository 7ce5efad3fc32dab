import { computed, type ReadonlySignal } from '@preact/signals-core';
import type { ConnectionState } from '../protocol/types';
import type { ChatState } from './state/chat-state';
import * as select from './state/selectors';
import { buildTimeline } from './state/timeline';
import { stableComputed } from './stable-computed';

/** The connection as the client last reported it: its state, and the reason given with the change. */
export interface ConnectionView {
  state: ConnectionState;
  reason: string | null;
}

/**
 * One computed signal per thing the UI shows. Narrow inputs keep the timeline from rebuilding on
 * changes that cannot affect it (typing, receipts, forms…), and narrow outputs let each component
 * follow only what it shows: a computed whose value stays equal notifies nobody, so a typing push
 * re-renders the typing indicator and not the panel around it.
 */
export function createViews(state: ReadonlySignal<ChatState>, connection: ReadonlySignal<ConnectionView>) {
  const currentChat = computed(() => select.selectCurrentChat(state.value));
  // What the timeline is built from: a receipt, typing or a property changes the chat record but
  // not its events, and rebuilding a 10,000-event timeline for those would be a long task.
  const events = stableComputed(() => {
    const chat = currentChat.value;
    return { id: chat?.id, threadIds: chat?.threadIds, threads: chat?.threads };
  });
  const outbox = computed(() => state.value.outbox);
  const customerId = computed(() => state.value.customerId);
  const connectionState = computed(() => connection.value.state);
  return {
    timeline: computed(() => {
      void events.value;
      return buildTimeline(currentChat.peek(), outbox.value, customerId.value);
    }),
    outbox,
    agent: stableComputed(() => select.selectAgent(state.value)),
    unreadCount: computed(() => select.selectUnreadCount(state.value)),
    canSend: stableComputed(() => select.selectCanSend(state.value, connectionState.value)),
    availability: computed(() => select.selectAvailability(state.value)),
    isChatActive: computed(() => currentChat.value?.active === true),
    typingAgent: stableComputed(() => select.selectTypingAgent(state.value)),
    /** LiveChat's customer status: `queued`, `chatting`, `invited` (offered a greeting) or `browsing`. */
    customerStatus: computed(() => select.selectCustomerStatus(state.value)),
    rating: stableComputed(() => select.selectRating(state.value)),
    hasOlder: computed(() => select.selectHasOlder(state.value)),
    historyLoading: computed(() => currentChat.value?.history.loading === true),
    /** LiveChat's `chat_data` getter: the current chat and its last thread. */
    chatData: stableComputed(() => ({ chatId: currentChat.value?.id ?? '', threadId: currentChat.value?.lastThreadId ?? '' })),
    hasChat: computed(() => currentChat.value !== null),
    chatId: computed(() => currentChat.value?.id ?? null),
    lastThreadId: computed(() => currentChat.value?.lastThreadId ?? null),
    customerId,
    users: computed(() => state.value.users),
    forms: computed(() => state.value.forms),
    /** The greeting offered (not dismissed, no chat going on), shown while the widget is minimized. */
    greeting: computed(() => select.selectGreeting(state.value)),
    connectionState,
    /** The reason given with the last connection change (a `customer_disconnected` reason, a login error), or `null`. */
    stopReason: computed(() => connection.value.reason),
    /** The last failed action, unless the connection stopped (the banner says why then). */
    lastError: computed(() => (connectionState.value === 'closed' ? null : state.value.lastError)),
  };
}

/** The object {@link createViews} returns. */
export type Views = ReturnType<typeof createViews>;
