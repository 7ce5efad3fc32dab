// A store for the gallery and UI tests: the chat layer's real reducer over fixture actions, with
// actions that act locally (a sent message is echoed back, a postback toggles its button, a rating
// lands on the thread) so every gallery state is also clickable. No socket, no timers left behind
// beyond the short echo delay.
import { signal } from '@preact/signals';
import type { ChatAction } from '../../src/chat/chat-action';
import { initialChatState, type ChatState } from '../../src/chat/chat-state';
import { reduce } from '../../src/chat/reducer';
import { selectCurrentChat } from '../../src/chat/selectors';
import type { UiStore } from '../../src/ui/store-context';

/** A {@link UiStore} plus what tests look at: the calls it received and a way to dispatch more. */
export interface FakeStore extends UiStore {
  calls: [string, unknown][];
  dispatch(...actions: ChatAction[]): void;
}

/**
 * Builds a fake store whose state is `actions` reduced from the initial state.
 *
 * @example
 * const store = fakeStore([{ type: 'connection_changed', state: 'online' }]);
 */
export function fakeStore(actions: ChatAction[], opts: { echoMs?: number } = {}): FakeStore {
  const state = signal<ChatState>(actions.reduce(reduce, initialChatState(0)));
  const calls: [string, unknown][] = [];
  let n = 0;
  const dispatch = (...list: ChatAction[]) => {
    state.value = list.reduce(reduce, state.value);
  };
  const log = (name: string) => (arg?: unknown) => {
    calls.push([name, arg]);
  };
  const send = (text: string) => {
    calls.push(['sendMessage', text]);
    const s = state.peek();
    const chat = selectCurrentChat(s);
    const customId = `fake-${++n}`;
    dispatch({ type: 'send_queued', send: { customId, event: { type: 'message', text, custom_id: customId }, status: 'pending', createdAt: Date.now() } });
    if (!chat || opts.echoMs === undefined) return;
    const threadId = chat.lastThreadId ?? 'T1';
    setTimeout(() => {
      const event = { id: `echo-${customId}`, custom_id: customId, type: 'message' as const, text, author_id: s.customerId ?? undefined, created_at: new Date().toISOString() };
      dispatch({ type: 'push', name: 'incoming_event', payload: { chat_id: chat.id, thread_id: threadId, event } });
    }, opts.echoMs);
  };
  return {
    state,
    calls,
    dispatch,
    actions: {
      connect: log('connect'),
      startChat: (input) => {
        calls.push(['startChat', input]);
        if (input.text) send(input.text);
      },
      sendMessage: send,
      retry: (customId) => {
        calls.push(['retry', customId]);
        dispatch({ type: 'send_retried', customId });
      },
      sendPostback: (p) => {
        calls.push(['sendPostback', p]);
        const chat = selectCurrentChat(state.peek());
        const me = state.peek().customerId;
        if (chat && me) {
          dispatch({
            type: 'push',
            name: 'incoming_rich_message_postback',
            payload: { user_id: me, chat_id: chat.id, thread_id: p.threadId, event_id: p.eventId, postback: { id: p.postbackId, toggled: p.toggled } },
          });
        }
      },
      typing: log('typing'),
      rate: (r) => {
        calls.push(['rate', r]);
        const chat = selectCurrentChat(state.peek());
        if (chat?.lastThreadId) {
          dispatch({
            type: 'push',
            name: 'chat_thread_properties_updated',
            payload: { chat_id: chat.id, thread_id: chat.lastThreadId, properties: { rating: { score: { value: r.score } } } },
          });
        }
      },
      loadOlder: log('loadOlder'),
      markSeen: log('markSeen'),
      loadForm: log('loadForm'),
      submitPostchat: log('submitPostchat'),
      setPanelVisible: log('setPanelVisible'),
    },
  };
}
