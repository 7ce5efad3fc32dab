import type { CustomerClientOptions } from './client-options';
import type { CustomerClient } from './client-types';
import { createCustomerConnection } from './customer-connection';
import { methodWrappers } from './method-wrappers';

export type { ClientEvents, CustomerClient, FrameError, StateInfo } from './client-types';

/**
 * Creates a UI-free LiveChat Customer Chat RTM v3.1 client: one WebSocket with login, ping, typed
 * requests and pushes, token handling, `customer_side_storage`, and reconnects with backoff, plus a
 * camelCase wrapper for every method. Nothing happens until `connect()`.
 *
 * @example
 * const client = createCustomerClient({ licenseId: 12345 });
 * client.on('incoming_event', ({ chat_id, event }) => console.log(chat_id, event));
 * client.on('connection_state', (state, info) => console.log(state, info.reason));
 * const login = await client.connect();
 * const { chat_id } = await client.startChat({ chat: { thread: { events: [{ type: 'message', text: 'Hi!' }] } } });
 * client.close();
 */
export function createCustomerClient(options: CustomerClientOptions): CustomerClient {
  const connection = createCustomerConnection(options);
  // Assigned onto the connection, not spread into a new object, which would freeze its getters.
  return Object.assign(
    connection,
    methodWrappers((action, payload) => connection.request(action, payload as never)),
  );
}
