// A stand-in for createCustomerClient(): records requests, answers them with per-action handlers
// (or leaves them pending for the test), and lets the test emit connection changes, logins and pushes.
import type { ChatClient } from '../../../src/chat/chat-client';
import { readReceipts } from '../../../src/protocol/read-receipts';
import { RtmError } from '../../../src/protocol/rtm-error';
import type { Action, ConnectionState, LoginResponse, MethodMap } from '../../../src/protocol/types';

type Handler<A extends Action> = (payload: MethodMap[A]['request']) => MethodMap[A]['response'] | Promise<MethodMap[A]['response']>;

export interface FakeRequest {
  action: Action;
  payload: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  settled: boolean;
}

export function createFakeClient() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const handlers = new Map<Action, (payload: unknown) => unknown>();
  const requests: FakeRequest[] = [];
  let state: ConnectionState = 'idle';
  let login: LoginResponse = { customer_id: 'me', chats: [] };

  const emit = (name: string, ...args: unknown[]) => {
    for (const fn of [...(listeners.get(name) ?? [])]) fn(...args);
  };
  const setState = (next: ConnectionState, info: object = {}) => {
    state = next;
    emit('connection_state', next, info);
  };

  const client: ChatClient = {
    get state() {
      return state;
    },
    connect: () => {
      fake.connectCalls++;
      fake.online();
      return Promise.resolve(login);
    },
    request: ((action: Action, payload: unknown = {}) => {
      if (state !== 'online') return Promise.reject(new RtmError('not_connected', `Cannot send ${action} while ${state}`));
      return new Promise<unknown>((resolve, reject) => {
        const request: FakeRequest = {
          action,
          payload,
          settled: false,
          resolve: (v) => {
            request.settled = true;
            resolve(v);
          },
          reject: (e) => {
            request.settled = true;
            reject(e);
          },
        };
        requests.push(request);
        const handler = handlers.get(action);
        if (!handler) return;
        Promise.resolve()
          .then(() => handler(payload))
          .then(request.resolve, request.reject);
      });
    }) as ChatClient['request'],
    // The real dialect choice over the fake's requests, reset at each login as the client does.
    markChatSeen: (chatId, upTo) => receipts.mark(chatId, upTo),
    // Uploads are faked whole in the store tests (the store's `upload` option): this only names the endpoint.
    uploadAccess: (refresh = false) => Promise.resolve({ url: 'https://fake.test/upload_file', authorization: `Bearer fake-${refresh ? 'fresh' : 'cached'}` }),
    on: ((name: string, fn: (...args: unknown[]) => void) => {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(fn);
      return () => void set.delete(fn);
    }) as ChatClient['on'],
  };

  const receipts = readReceipts(client.request);

  const fake = {
    client,
    requests,
    connectCalls: 0,
    /** Answers every later `action` request with `fn(payload)`; a throw rejects it. */
    handle<A extends Action>(action: A, fn: Handler<A>) {
      handlers.set(action, fn as (payload: unknown) => unknown);
    },
    /** Stops auto-answering `action`: its requests stay pending until the test settles them. */
    hold(action: Action) {
      handlers.delete(action);
    },
    setLogin(response: LoginResponse) {
      login = response;
    },
    /** Goes online and logs in, like the real client: `connection_state` online, then `login`. */
    online(response: LoginResponse = login) {
      login = response;
      receipts.reset();
      setState('online');
      emit('login', response);
    },
    /** The link drops: in-flight requests fail with `connection_lost`, then the state changes. */
    drop(next: ConnectionState = 'reconnecting') {
      for (const r of requests) if (!r.settled) r.reject(new RtmError('connection_lost', 'The connection was lost'));
      setState(next, { reason: 'socket_closed' });
    },
    push(name: string, payload: unknown, requestId?: string) {
      emit(name, payload, requestId);
      emit('push', name, payload, requestId);
    },
    calls(action: Action) {
      return requests.filter((r) => r.action === action).map((r) => r.payload);
    },
    pending(action: Action) {
      return requests.filter((r) => r.action === action && !r.settled);
    },
    listenerCount() {
      return [...listeners.values()].reduce((n, s) => n + s.size, 0);
    },
  };
  return fake;
}

export type FakeClient = ReturnType<typeof createFakeClient>;
