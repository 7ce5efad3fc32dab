// A visitor's tabs as the widget makes them, stores over their seats (chat/tab-start.ts): one fake "LiveChat" (a fake client and server) that
// every leader connects to in turn, the fake browser's locks and channels between the tabs.
import { createChatStore, type ChatStoreOptions } from '../../../src/chat/create-chat-store';
import type { Connection } from '../../../src/chat/tab-client';
import { startTabs } from '../../../src/chat/tab-start';
import { createFakeClient } from './fake-client';
import { createFakeServer } from './fake-server';
import { deliver, fakeBrowser } from './fake-tabs';
import { memoryStorage, view } from './store-helpers';

/** A visitor whose tabs `open()` makes: each a seat and a store, sharing storage. */
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
    // As the widget starts: where the tab stands first (the first tab leads at once), then its store.
    const link = browser.link();
    const seat = (await startTabs(link)).join(connection);
    const { client } = seat;
    const store = createChatStore({ client, peers: seat.peers, storage, draftStorage, licenseId: 123, ...more });
    void store.actions.connect();
    await deliver();
    return {
      link,
      client,
      store,
      close() {
        store.dispose();
        seat.close();
      },
    };
  };
  return { fake, server, browser, storage, open, sockets: () => sockets };
}

export const messages = (store: ReturnType<typeof createChatStore>) => view(store).map(([text]) => text);

