// A store for the gallery and the UI tests: the chat layer's real reducer and views over a scene's
// changes, with actions that act locally (a sent message is echoed back, a button press toggles its
// button, a rating lands on the thread) so every gallery state is also clickable. No socket.
import { computed, signal, type Signal } from '@preact/signals';
import type { Change } from '../../src/chat/state/change';
import { initialChatState, type ChatState } from '../../src/chat/state/chat-state';
import { reduce } from '../../src/chat/state/reduce';
import { selectCurrentChat } from '../../src/chat/state/selectors';
import { createViews, type ConnectionView } from '../../src/chat/views';
import type { Visibility } from '../../src/chat/visibility';
import type { UiStore } from '../../src/ui/store-context';

/** A {@link UiStore} plus what tests look at: the calls it received, and ways to change it. */
export interface FakeStore extends UiStore {
  calls: [string, unknown][];
  dispatch(...changes: Change[]): void;
  connection: Signal<ConnectionView>;
}

/**
 * A fake store whose state is `changes` reduced from the initial state. With `echoMs`, a sent message
 * comes back from the "server" after that delay.
 *
 * @example
 * const store = fakeStore({ changes: [], visibility: 'maximized' });
 */
export function fakeStore(
  scene: { changes: Change[]; visibility: Visibility; connection?: ConnectionView; uploadProgress?: Record<string, number> },
  opts: { echoMs?: number } = {},
): FakeStore {
  const state = signal<ChatState>(scene.changes.reduce(reduce, initialChatState(0)));
  const connection = signal<ConnectionView>(scene.connection ?? { state: 'online', reason: null });
  const visibility = signal<Visibility>(scene.visibility);
  const draft = signal('');
  const muted = signal(false);
  const calls: [string, unknown][] = [];
  let n = 0;
  const dispatch = (...list: Change[]) => {
    state.value = list.reduce(reduce, state.value);
  };
  const log = (name: string) => async (arg?: unknown) => void calls.push([name, arg]);
  const chat = () => selectCurrentChat(state.peek());
  const send = async (text: string) => {
    calls.push(['send', text]);
    draft.value = '';
    const customId = `fake-${++n}`;
    dispatch({ type: 'send_queued', entries: [{ customId, event: { type: 'message', text, custom_id: customId }, status: 'queued', createdAt: Date.now() }] });
    const current = chat();
    if (!current || opts.echoMs === undefined) return;
    const event = { id: `echo-${customId}`, custom_id: customId, type: 'message' as const, text, author_id: state.peek().customerId ?? undefined, created_at: new Date().toISOString() };
    setTimeout(() => dispatch({ type: 'events_added', chatId: current.id, threadId: current.lastThreadId, events: [event], live: true }), opts.echoMs);
  };
  const views = createViews(state, connection);
  const maxFileSize = 10 * 1024 * 1024;
  return {
    ...views,
    shownGreeting: computed(() => (visibility.value === 'minimized' ? views.greeting.value : null)),
    connection,
    visibility,
    draft,
    muted,
    uploadProgress: signal(scene.uploadProgress ?? {}),
    previews: signal({}),
    maxFileSize,
    calls,
    dispatch,
    actions: {
      connect: log('connect'),
      startChat: log('startChat'),
      send,
      // Files wait in the outbox (as the store adds them), never uploaded: there is no server.
      attach: async (files) => {
        calls.push(['attach', files.map((f) => f.name)]);
        for (const f of files) {
          const customId = `fake-${++n}`;
          const error = !f.size ? 'file_empty' : f.size > maxFileSize ? 'file_too_large' : undefined;
          const file = { name: f.name, type: f.type, size: f.size };
          const event = { type: 'file' as const, url: '', custom_id: customId };
          dispatch({ type: 'send_queued', entries: [{ customId, event, file, status: error ? 'failed' : 'queued', createdAt: Date.now(), ...(error && { error }) }] });
        }
      },
      remove: (customId) => {
        calls.push(['remove', customId]);
        dispatch({ type: 'send_removed', customId });
      },
      retry: async (customId) => {
        calls.push(['retry', customId]);
        dispatch({ type: 'send_retried', customId });
      },
      type: (text) => {
        calls.push(['type', text]);
        draft.value = text;
      },
      pressButton: async (item, button) => {
        calls.push(['pressButton', { eventId: item.event.id, threadId: item.threadId, postbackId: button.postback_id }]);
        const current = chat();
        const me = state.peek().customerId;
        if (current && me && item.threadId) {
          dispatch({ type: 'button_toggled', chatId: current.id, threadId: item.threadId, eventId: item.event.id, userId: me, postbackId: button.postback_id, on: true });
        }
        if (!button.type || button.type === 'message') await send(String(button.text ?? ''));
      },
      rate: async (r) => {
        calls.push(['rate', r]);
        const current = chat();
        if (current?.lastThreadId) dispatch({ type: 'properties_changed', chatId: current.id, threadId: current.lastThreadId, set: { rating: { score: r.score } } });
      },
      loadOlder: log('loadOlder'),
      loadForm: log('loadForm'),
      submitPostchat: log('submitPostchat'),
      setVisibility: (v, messageDraft) => {
        calls.push(['setVisibility', v]);
        visibility.value = v;
        if (messageDraft && !draft.peek()) draft.value = messageDraft;
      },
      dismissGreeting: () => {
        calls.push(['dismissGreeting', undefined]);
        const greeting = state.peek().greeting;
        if (greeting) dispatch({ type: 'greeting_dismissed', uniqueId: greeting.unique_id });
      },
      dismissError: () => void calls.push(['dismissError', undefined]),
      setMuted: (on) => {
        calls.push(['setMuted', on]);
        muted.value = on;
      },
    },
  };
}
