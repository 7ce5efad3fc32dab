// Shared setup of the store tests: fake client + fake server + memory storage, all events logged.
// The modules the store imports when first needed are loaded here, so that those imports settle
// within flush() as they would once a browser has the chunk.
import '../../../src/chat/fetch-threads';
import '../../../src/chat/later-actions';
import '../../../src/chat/live-chat';
import '../../../src/chat/load-older';
import { createChatStore, type ChatStore } from '../../../src/chat/create-chat-store';
import type { StorageLike } from '../../../src/protocol/safe-storage';
import type { Greeting } from '../../../src/protocol/types';
import { createFakeClient } from './fake-client';
import { createFakeServer } from './fake-server';

export function memoryStorage() {
  const map = new Map<string, string>();
  const storage: StorageLike & { map: Map<string, string> } = {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
  return storage;
}

/** Lets every pending promise chain run (requests are answered in microtasks). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

const EVENTS = [
  'new_event', 'form_submitted', 'rating_submitted', 'rich_message_button_clicked',
  'availability_changed', 'unread_changed', 'connection_changed', 'visibility_changed',
  'customer_status_changed', 'greeting_displayed', 'greeting_hidden',
] as const;

export function logEvents(store: ChatStore) {
  const log: [string, unknown][] = [];
  for (const name of EVENTS) store.on(name, (payload: unknown) => log.push([name, payload]));
  return log;
}

export async function setup(options: {
  storage?: ReturnType<typeof memoryStorage>;
  groupOnline?: boolean;
  greeting?: Greeting;
  prepare?: (server: ReturnType<typeof createFakeServer>) => void;
  connect?: boolean;
  batchPushes?: boolean;
} = {}) {
  const fake = createFakeClient();
  const server = createFakeServer(fake, { groupOnline: options.groupOnline ?? true, greeting: options.greeting });
  options.prepare?.(server);
  const storage = options.storage ?? memoryStorage();
  const store = createChatStore({ client: fake.client, storage, licenseId: 123, groupId: 0, random: () => 0.5, batchPushes: options.batchPushes });
  const log = logEvents(store);
  fake.setLogin(server.login());
  if (options.connect !== false) {
    await store.actions.connect();
    await flush();
  }
  return { fake, server, store, storage, log };
}

/** The timeline as [text or type, status] pairs. */
export function view(store: ChatStore): [string, string][] {
  return store.timeline.value.map((i) => [i.event.type === 'message' ? i.event.text : i.event.type, i.status]);
}
