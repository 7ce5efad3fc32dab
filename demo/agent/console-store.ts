// The console's edge: one agent RTM client, the reducer's state in a signal, and the actions
// the components call. Chat lists are refreshed with `get_chats_summary` every few seconds
// (the API pushes only chats an agent is in or follows); the open chat is followed, so its
// events, sneak peeks and typing arrive live. Files go out through the Web API's send_file.
import { signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { AgentApiError, createAgentClient } from './agent-client';
import type { AgentClient, AgentSocket, Json } from './agent-client';
import { initialState, reduce } from './console-state';
import type { ConsoleAction, ConsoleState } from './console-state';
import { cardsSample, quickRepliesSample } from './rich-samples';

/** Seed 001: `send_file` takes at most 10 MB. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const PUSHES = [
  'incoming_chat_thread',
  'incoming_event',
  'event_updated',
  'incoming_sneak_peek',
  'incoming_typing_indicator',
  'incoming_rich_message_postback',
  'thread_closed',
  'chat_thread_properties_updated',
  'chat_user_added',
  'chat_user_removed',
];

export interface ConsoleStoreOptions {
  /** Agent API base, e.g. `ws://127.0.0.1:8081`; the Web API is its http(s) form. */
  apiUrl: string;
  connect: (url: string) => AgentSocket;
  /** Default `globalThis.fetch`; sends files through the Web API's `send_file`. */
  fetch?: typeof fetch;
  /** Where the demo site lives (rich message images and links). */
  siteOrigin: string;
  pollMs?: number;
}

export interface ConsoleStore {
  state: ReadonlySignal<ConsoleState>;
  login(token: string): void;
  logout(): void;
  select(chatId: string | undefined): void;
  join(chatId: string): void;
  sendText(chatId: string, text: string): Promise<boolean>;
  /** Sends a file (at most 10 MB) with the Web API's `send_file`; it comes back as a `file` event. */
  sendFile(chatId: string, file: File): Promise<boolean>;
  setTyping(chatId: string, typing: boolean): void;
  sendCards(chatId: string): void;
  sendQuickReplies(chatId: string): void;
  closeChat(chatId: string): void;
  dismissError(): void;
}

/**
 * Creates the store; nothing connects until `login`.
 * @example
 * const store = createConsoleStore({ apiUrl: 'ws://127.0.0.1:8081', connect: (u) => new WebSocket(u), siteOrigin: location.origin });
 * store.login('demo-agent-token');
 */
export function createConsoleStore(options: ConsoleStoreOptions): ConsoleStore {
  const state = signal(initialState());
  const dispatch = (action: ConsoleAction): void => {
    state.value = reduce(state.value, action);
  };
  let client: AgentClient | undefined;
  let token: string | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const fail = (what: string) => (error: unknown) => {
    dispatch({ type: 'failed', message: `${what}: ${error instanceof Error ? error.message : String(error)}` });
    return false;
  };
  const call = (action: string, payload: Json, what: string): Promise<boolean> =>
    client ? client.request(action, payload).then(() => true, fail(what)) : Promise.resolve(false);

  const refresh = (): void => {
    client
      ?.request<{ chats: Array<{ chat: Json }> }>('get_chats_summary', { pagination: { limit: 100 } })
      .then(({ chats }) => dispatch({ type: 'chats_listed', chats: chats.map((c) => c.chat) }))
      .catch(() => undefined);
  };

  const loadChat = (chatId: string): void => {
    client
      ?.request<{ chat: Json }>('get_chat_threads', { chat_id: chatId })
      .then(({ chat }) => dispatch({ type: 'chats_listed', chats: [chat] }))
      .catch(fail('Could not open the chat'));
    const chat = state.value.chats[chatId];
    const me = state.value.me?.id;
    if (client && chat?.active && me !== undefined && !chat.agentIds.includes(me)) client.request('follow_chat', { chat_id: chatId }).catch(() => undefined);
  };

  const stop = (): void => {
    clearInterval(pollTimer);
    client?.close();
    client = undefined;
    token = undefined;
  };

  const sendFile = async (chatId: string, file: File): Promise<boolean> => {
    const failed = fail(`${file.name} not sent`);
    if (!token) return false;
    if (file.size > MAX_FILE_BYTES) return failed(new Error('it is over 10 MB'));
    const form = new FormData();
    form.append('payload.chat_id', chatId);
    form.append('payload.file', file, file.name);
    try {
      const post = options.fetch ?? globalThis.fetch;
      const res = await post(`${options.apiUrl.replace(/^ws/, 'http').replace(/\/$/, '')}/v3.0/agent/action/send_file`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      });
      if (res.ok) return true;
      const body = (await res.json().catch(() => ({}))) as Json;
      return failed(new Error(typeof body.error?.message === 'string' ? body.error.message : `the server answered ${res.status}`));
    } catch (error) {
      return failed(error);
    }
  };

  return {
    state,
    login(agentToken) {
      stop();
      token = agentToken;
      dispatch({ type: 'connection', state: 'connecting' });
      const c = createAgentClient({ url: options.apiUrl, token: agentToken, connect: options.connect, login: { application: { name: 'Chatlet agent console', version: '1' } } });
      client = c;
      for (const action of PUSHES) c.on(action, (payload) => dispatch({ type: 'push', action, payload }));
      c.onState((s, error) => {
        if (s !== 'online') dispatch({ type: 'connection', state: s, ...(error && { error: describe(error) }) });
      });
      c.onLogin((payload) => {
        dispatch({ type: 'logged_in', payload });
        refresh();
        const open = state.value.selected;
        if (open) loadChat(open);
      });
      pollTimer = setInterval(refresh, options.pollMs ?? 3_000);
    },
    logout() {
      stop();
      dispatch({ type: 'signed_out' });
    },
    select(chatId) {
      dispatch({ type: 'select', chatId });
      if (chatId) loadChat(chatId);
    },
    join(chatId) {
      const me = state.value.me?.id;
      if (me) void call('add_user_to_chat', { chat_id: chatId, user_id: me, user_type: 'agent' }, 'Could not join the chat').then((ok) => ok && loadChat(chatId));
    },
    sendFile,
    sendText: (chatId, text) => call('send_event', { chat_id: chatId, event: { type: 'message', text, recipients: 'all' } }, 'Message not sent'),
    setTyping(chatId, typing) {
      client?.request('send_typing_indicator', { chat_id: chatId, is_typing: typing }).catch(() => undefined);
    },
    sendCards: (chatId) => void call('send_event', { chat_id: chatId, event: cardsSample(options.siteOrigin) }, 'Cards not sent'),
    sendQuickReplies: (chatId) => void call('send_event', { chat_id: chatId, event: quickRepliesSample() }, 'Quick replies not sent'),
    closeChat: (chatId) => void call('close_thread', { chat_id: chatId }, 'Could not close the chat'),
    dismissError: () => dispatch({ type: 'dismiss_error' }),
  };
}

function describe(error: AgentApiError): string {
  return error.type === 'authentication' ? 'That token was not accepted. Try demo-agent-token.' : error.message;
}
