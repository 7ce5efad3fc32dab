// Builds a customer client wired to fakes (socket, storage, token, environment) and drives its login.
import { vi } from 'vitest';
import { createCustomerClient } from '../../../src/protocol/customer-client';
import type { CustomerClientOptions } from '../../../src/protocol/client-options';
import type { EnvironmentSignal } from '../../../src/protocol/browser-environment';
import type { LoginResponse } from '../../../src/protocol/types';
import { fakeSockets } from './fake-socket';
import { memoryStorage } from './fake-storage';

export const LICENSE_ID = 12345;

export const LOGIN: LoginResponse = {
  customer_id: 'a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5',
  has_active_thread: true,
  chats: [{ chat_id: 'PJ0MRSHTDG', has_unread_events: true }],
  __priv_dynamic_config: {
    online_groups_ids: [1, 3],
    customer_groups: { monitoring: { id: 1 } },
    predicted_agent: { id: 'agent1@example.com', name: 'Bart', type: 'agent', job_title: 'Support Agent' },
    greeting: {
      id: 342543723,
      unique_id: 'e35a4fb4106d87e550fe1af480639058',
      text: 'some message',
      agent: { id: 'agent1@example.com', name: 'Bart', type: 'agent', is_bot: false },
      displayed_first_time: true,
    },
  },
};

/** Lets pending promise callbacks (token fetch, login answer) run under fake timers. */
export const flush = () => vi.advanceTimersByTimeAsync(0);

/**
 * A client on fakes: `server` plays LiveChat, `storage` is inspectable, `signal` plays the browser's
 * online/offline/visibility events, `getToken` counts token fetches.
 */
export function harness(options: Partial<CustomerClientOptions> = {}) {
  const server = fakeSockets();
  const storage = memoryStorage();
  let tokenCount = 0;
  const getToken = vi.fn(async () => ({
    accessToken: `dal:token-${++tokenCount}`,
    entityId: 'customer-1',
    expiresIn: 3600,
    tokenType: 'Bearer',
  }));
  let signal: ((s: EnvironmentSignal) => void) | undefined;
  const unwatch = vi.fn();
  const client = createCustomerClient({
    licenseId: LICENSE_ID,
    WebSocket: server.WebSocket,
    storage,
    getToken,
    random: () => 0.5,
    customerPage: { url: 'https://shop.example/cart', title: 'Cart' },
    environment: {
      watch(fn) {
        signal = fn;
        return unwatch;
      },
    },
    ...options,
  });
  const states: string[] = [];
  client.on('connection_state', (s) => states.push(s));

  /** Lets the client open its socket, accepts it and answers `login`. */
  const acceptLogin = async (response: LoginResponse = LOGIN) => {
    await flush();
    server.current.open();
    server.current.respond('login', response);
    await flush();
  };

  return {
    client,
    server,
    storage,
    getToken,
    states,
    unwatch,
    acceptLogin,
    /** Connects and logs in; resolves with what `connect()` resolved with. */
    async connect(response: LoginResponse = LOGIN) {
      const connected = client.connect();
      await acceptLogin(response);
      return connected;
    },
    signal(s: EnvironmentSignal) {
      if (!signal) throw new Error('the client is not watching the environment');
      signal(s);
    },
  };
}
