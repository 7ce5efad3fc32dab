// A custom UI's use of the UI-free client: type-checked only (test/package runs the same calls in Node).
import { API_VERSION, createCustomerClient, RtmError, type CustomerClient, type LoginResponse } from 'chatlet/client';
import { notAny } from './not-any.js';

export async function chat(apiUrl: string, accountsUrl: string): Promise<string> {
  const client: CustomerClient = createCustomerClient({ licenseId: 12345, apiUrl, accountsUrl, groupId: 0, customer: { name: 'Ada' } });
  notAny(client);
  client.on('connection_state', (state, { retryInMs }) => console.log(API_VERSION, state, retryInMs));
  client.on('incoming_event', ({ chat_id, event }) => {
    notAny(event);
    if (event.type === 'message') console.log(chat_id, event.text.toUpperCase());
  });
  const login: LoginResponse = await client.connect();
  notAny(login);
  try {
    const started = await client.startChat({ chat: { thread: { events: [{ type: 'message', text: 'Hi!' }] } } });
    const chatId = 'chat' in started ? started.chat.id : started.chat_id;
    await client.sendEvent({ chat_id: chatId, event: { type: 'message', text: 'Anyone there?' } });
    return chatId;
  } catch (e) {
    if (e instanceof RtmError && e.type === 'groups_offline') return '';
    throw e;
  } finally {
    client.close();
  }
}

// Never called: each line must fail to type-check, or the directive itself is reported as unused.
export function mistakes(client: CustomerClient): void {
  // @ts-expect-error: no such push
  client.on('incoming_evnt', () => {});
  // @ts-expect-error: an event has no `txt`
  client.on('incoming_event', ({ event }) => event.txt);
  // @ts-expect-error: chat_id is required
  void client.sendEvent({ event: { type: 'message', text: 'Hi' } });
  // @ts-expect-error: no such method
  void client.request('send_events', {});
  // @ts-expect-error: licenseId is required
  createCustomerClient({});
}
