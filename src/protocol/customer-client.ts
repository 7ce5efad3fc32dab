import type { CustomerClientOptions } from './client-options';
import type { CustomerClient } from './client-types';
import { createCustomerConnection } from './customer-connection';
import { methodWrappers } from './method-wrappers';
import { RtmError } from './rtm-error';
import type { UploadContext, UploadOptions, XhrConstructor } from './upload-file';

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
  const upload: UploadContext = {
    access: connection.uploadAccess,
    XMLHttpRequest: options.XMLHttpRequest ?? (globalThis.XMLHttpRequest as XhrConstructor | undefined),
    error: (type, message, data) => new RtmError(type, message, data),
  };
  // Assigned onto the connection, not spread into a new object, which would freeze its getters.
  return Object.assign(
    connection,
    methodWrappers((action, payload) => connection.request(action, payload as never)),
    {
      // Loaded on the first upload: a client that never uploads does not carry the code.
      uploadFile: (file: Blob, uploadOptions?: UploadOptions) => import('./upload-file').then((m) => m.uploadFile(upload, file, uploadOptions)),
    },
  );
}
