// The chat layer depends on this slice of the protocol client only, so tests pass a small fake.
import type { CustomerClient } from '../protocol/customer-client';

/**
 * What the chat store needs from `createCustomerClient()`: connect, requests, read receipts, events and state.
 *
 * @example
 * const store = createChatStore({ client: createCustomerClient({ licenseId }), storage: localStorage, licenseId, groupId: 0 });
 */
export type ChatClient = Pick<CustomerClient, 'connect' | 'request' | 'markChatSeen' | 'on' | 'state'>;
