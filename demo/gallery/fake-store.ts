// A store for the gallery and UI tests: the chat layer's real reducer and computed views over
// fixture actions, with actions that act locally (a sent message is echoed back, a postback toggles
// its button, a rating lands on the thread) so every gallery state is also clickable. No socket.
import { signal } from '@preact/signals';
import type { ChatAction } from '../../src/chat/chat-action';
import { initialChatState, type ChatState } from '../../src/chat/chat-state';
import { createViews } from '../../src/chat/create-views';
import { reduce } from '../../src/chat/reducer';
import { selectCurrentChat } from '../../src/chat/selectors';
import type { UiStore } from '../../src/ui/store-context';

/** A {@link UiStore} plus what tests look at: the calls it received and a way to dispatch more. */
export interface FakeStore extends UiStore {
  calls: [string, unknown][];
  dispatch(...actions: ChatAction[]): void;
}

/**
 * Builds a fake store whose state is `actions` reduced from the initial state. With `echoMs`, a
 * sent message comes back from the "server" after that delay.
 *
 * @example
 * const store = fakeStore([{ type: 'connection_changed', state: 'online' }]);
 */
export function fakeStore(actions: ChatAction[], opts: { echoMs?: number } = {}): FakeStore {
  const state = signal<ChatState>(actions.reduce(reduce, initialChatState(0)));
  const visible = signal(false);
  const calls: [string, unknown][] = [];
  let n = 0;
  const dispatch = (...list: ChatAction[]) => {
    state.value = list.reduce(reduce, state.value);
  };
  const log = (name: string) => async (arg?: unknown) => {
    calls.push(arg === undefined ? [name, undefined] : [name, arg]);
  };
  const echo = (text: string, customId: string) => {
    const chat = selectCurrentChat(state.peek());
    if (!chat || opts.echoMs === undefined) return;
    const event = { id: `echo-${customId}`, custom_id: customId, type: 'message' as const, text, author_id: state.peek().customerId ?? undefined, created_at: new Date().toISOString() };
    setTimeout(() => dispatch({ type: 'push', name: 'incoming_event', payload: { chat_id: chat.id, thread_id: chat.lastThreadId ?? 'T1', event } }), opts.echoMs);
  };
  const send = async (text: string) => {
    calls.push(['sendMessage', text]);
    const customId = `fake-${++n}`;
    dispatch({ type: 'send_queued', send: { customId, event: { type: 'message', text, custom_id: customId }, status: 'pending', createdAt: Date.now() } });
    echo(text, customId);
  };
  const postback = (p: { eventId: string; threadId: string; postbackId: string; toggled: boolean }) => {
    const chat = selectCurrentChat(state.peek());
    const me = state.peek().customerId;
    if (!chat || !me) return;
    dispatch({
      type: 'push',
      name: 'incoming_rich_message_postback',
      payload: { user_id: me, chat_id: chat.id, thread_id: p.threadId, event_id: p.eventId, postback: { id: p.postbackId, toggled: p.toggled } },
    });
  };
  const rate = (r: { score: 0 | 1 }) => {
    const chat = selectCurrentChat(state.peek());
    if (!chat?.lastThreadId) return;
    dispatch({
      type: 'push',
      name: 'chat_thread_properties_updated',
      payload: { chat_id: chat.id, thread_id: chat.lastThreadId, properties: { rating: { score: { value: r.score } } } },
    });
  };
  return {
    state,
    ...createViews(state, visible),
    calls,
    dispatch,
    actions: {
      connect: log('connect'),
      startChat: log('startChat'),
      sendMessage: send,
      retry: async (customId) => {
        calls.push(['retry', customId]);
        dispatch({ type: 'send_retried', customId });
      },
      sendPostback: async (p) => {
        calls.push(['sendPostback', p]);
        postback(p);
      },
      typing: (text) => void calls.push(['typing', text]),
      rate: async (r) => {
        calls.push(['rate', r]);
        rate(r);
      },
      loadOlder: log('loadOlder'),
      loadForm: log('loadForm'),
      submitPostchat: log('submitPostchat'),
      setPanelVisible: (v) => {
        calls.push(['setPanelVisible', v]);
        visible.value = v;
      },
      dismissError: () => void calls.push(['dismissError', undefined]),
    },
  };
}
