import type { CustomerClient } from '../protocol/customer-client';

/** The slice of the protocol client the chat layer uses, so its tests can pass a small fake. */
export type ChatClient = Pick<CustomerClient, 'connect' | 'request' | 'markChatSeen' | 'on' | 'state' | 'uploadAccess'>;
