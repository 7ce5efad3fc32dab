// A visitor's tabs as stores over tab clients: one fake "LiveChat" (a fake client and server) that
// every leader connects to in turn, the fake browser's locks and channels between the tabs.
import { createChatStore, type ChatStoreOptions } from '../../../src/chat/create-chat-store';
import { createTabClient, type Connection } from '../../../src/chat/tab-client';
import { systemClock } from '../../../src/protocol/clock';
import { createFakeClient } from './fake-client';
import { createFakeServer } from './fake-server';
import { deliver, fakeBrowser } from './fake-tabs';
import { memoryStorage, view } from './store-helpers';

/** A visitor whose tabs `open()` makes: each a tab client and a store, sharing storage. */
export function visitor() {
  const fake = createFakeClient();
  const server = createFakeServer(fake);
  const browser = fakeBrowser();
  const storage = memoryStorage();
  let sockets = 0;
  // Each leader's connection: a socket of its own onto the one fake server.
  const connection = (): Connection => {
    sockets++;
    const offs: (() => void)[] = [];
    return {
      get state() {
        return fake.client.state;
      },
      connect() {
        fake.setLogin(server.login());
        return fake.client.connect();
      },
      request: fake.client.request,
      markChatSeen: fake.client.markChatSeen,
      uploadAccess: fake.client.uploadAccess,
      on: ((name: never, fn: never) => {
        const off = fake.client.on(name, fn);
        offs.push(off);
        return off;
      }) as Connection['on'],
      close() {
        offs.forEach((off) => off());
        fake.drop('reconnecting');
      },
    };
  };
  const open = async (draftStorage = memoryStorage(), more: Partial<ChatStoreOptions> = {}) => {
    const link = browser.link();
    const client = createTabClient({ link, clock: systemClock, connection });
    const store = createChatStore({ client, peers: client, storage, draftStorage, licenseId: 123, ...more });
    void store.actions.connect();
    await deliver();
    return {
      link,
      client,
      store,
      close() {
        store.dispose();
        client.close();
      },
    };
  };
  return { fake, server, browser, storage, open, sockets: () => sockets };
}

export const messages = (store: ReturnType<typeof createChatStore>) => view(store).map(([text]) => text);

