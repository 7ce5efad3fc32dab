// The sender, read receipts and sneak peeks are a chunk of their own (chat/live-chat.ts), loaded once
// the visitor has a chat or something to send. Here that chunk is held back until the test lets it
// come, as a slow network would: what the visitor sends meanwhile waits, then goes once and in order.
import { describe, expect, it, vi } from 'vitest';
import { createChatStore, type ChatStore } from '../../../src/chat/create-chat-store';
import { createFakeClient } from './fake-client';
import { createFakeServer } from './fake-server';

const chunk = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { asked: 0, arrived, arrive: () => arrive() };
});
vi.mock('../../../src/chat/live-chat', async (original) => {
  chunk.asked++;
  await chunk.arrived;
  return original();
});

const flush = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};
const view = (store: ChatStore) => store.timeline.value.map((i) => [i.event.type === 'message' ? i.event.text : i.event.type, i.status]);

describe('the sender’s code, loaded late', () => {
  it('is not asked for without a chat or anything to send; what is sent before it comes goes once, in order', async () => {
    const fake = createFakeClient();
    const server = createFakeServer(fake, { groupOnline: true });
    const store = createChatStore({ client: fake.client, storage: null, licenseId: 123, random: () => 0.5 });
    fake.setLogin(server.login());
    await store.actions.connect();
    await store.actions.loadForm('prechat');
    await flush();
    expect(chunk.asked).toBe(0);

    void store.actions.send('one');
    void store.actions.send('two');
    store.actions.type('thr');
    void store.actions.send('three');
    await flush();
    expect(chunk.asked).toBe(1);
    expect(view(store)).toEqual([['one', 'pending'], ['two', 'pending'], ['three', 'pending']]);
    expect(fake.calls('start_chat')).toEqual([]);

    chunk.arrive();
    await vi.waitFor(() => expect(view(store)).toEqual([['one', 'sent'], ['two', 'sent'], ['three', 'sent']]));
    const starts = fake.calls('start_chat') as { chat: { thread: { events: { text: string }[] } } }[];
    const sent = [...starts.flatMap((r) => r.chat.thread.events), ...(fake.calls('send_event') as { event: { text: string } }[]).map((r) => r.event)];
    expect(sent.map((e) => e.text)).toEqual(['one', 'two', 'three']);
    expect(store.state.value.outbox).toEqual([]);
    store.dispose();
  });
});
