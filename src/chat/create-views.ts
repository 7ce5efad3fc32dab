// One computed signal per selector: what the UI reads. Narrow inputs keep the timeline from
// rebuilding on changes that cannot affect it (typing, connection, forms…), and narrow outputs let
// each component follow only what it shows: a computed whose value stays equal notifies nobody, so
// a typing push re-renders the typing indicator and not the panel around it.
import { computed, type ReadonlySignal } from '@preact/signals-core';
import type { ChatState } from './chat-state';
import * as select from './selectors';
import { stableComputed } from './stable-computed';

/**
 * The store's read-only views over `state` (and the panel visibility).
 *
 * @example
 * const views = createViews(state, visible);
 * views.timeline.value.length;
 */
export function createViews(state: ReadonlySignal<ChatState>, visible: ReadonlySignal<boolean>) {
  const currentChat = computed(() => select.selectCurrentChat(state.value));
  // What the timeline is built from: a read receipt, typing or a property changes the chat record
  // but not its events, and rebuilding a 10,000-event timeline for those would cost a long task.
  const events = stableComputed(() => {
    const chat = currentChat.value;
    return { id: chat?.id, threadIds: chat?.threadIds, threads: chat?.threads };
  });
  const localSends = computed(() => state.value.localSends);
  const customerId = computed(() => state.value.customerId);
  const connection = computed(() => state.value.connection);
  return {
    timeline: computed(() => {
      void events.value;
      return select.buildTimeline(currentChat.peek(), localSends.value, customerId.value);
    }),
    agent: stableComputed(() => select.selectAgent(state.value)),
    unreadCount: computed(() => select.selectUnreadCount(state.value)),
    canSend: stableComputed(() => select.selectCanSend(state.value)),
    availability: computed(() => select.selectAvailability(state.value)),
    isChatActive: computed(() => select.selectIsChatActive(state.value)),
    typingAgent: stableComputed(() => select.selectTypingAgent(state.value)),
    customerStatus: computed(() => select.selectCustomerStatus(state.value)),
    rating: stableComputed(() => select.selectRating(state.value)),
    hasOlder: computed(() => select.selectHasOlder(state.value)),
    historyLoading: computed(() => currentChat.value?.history.loading === true),
    chatData: stableComputed(() => select.selectChatData(state.value)),
    currentChat,
    hasChat: computed(() => currentChat.value !== null),
    lastThreadId: computed(() => currentChat.value?.lastThreadId ?? null),
    customerId,
    users: computed(() => state.value.users),
    forms: computed(() => state.value.forms),
    greeting: computed(() => state.value.greeting),
    connection,
    /** The reason given with the last connection change (a `customer_disconnected` reason, a login error), or `null`. */
    stopReason: computed(() => state.value.connectionInfo?.reason ?? null),
    /** The last failed request's error, unless the connection stopped (the banner says why then). */
    lastError: computed(() => (connection.value === 'closed' ? null : state.value.lastError)),
    panelVisible: computed(() => visible.value),
  };
}

/**
 * The object {@link createViews} returns.
 *
 * @example
 * const header = (views: ChatViews) => views.agent.value?.name;
 */
export type ChatViews = ReturnType<typeof createViews>;
