// The visitor's tabs as stores over tab clients: one fake "LiveChat" (a fake client and server) that
// every leader connects to in turn, the fake browser's locks and channels between the tabs.
import { describe, expect, it } from 'vitest';
import { deliver } from './fake-tabs';
import { memoryStorage, view } from './store-helpers';
import { messages, visitor } from './tab-visitor';

describe('the stores of several tabs', () => {
  it('connect once; a message sent from a follower goes out once, from the leader, and every tab shows it', async () => {
    const { fake, open, sockets } = visitor();
    const [a, b, c] = [await open(), await open(), await open()];
    expect(sockets()).toBe(1);
    void b.store.actions.send('from B');
    await deliver();
    expect(fake.calls('start_chat')).toHaveLength(1);
    expect([a, b, c].map((t) => view(t.store))).toEqual([0, 1, 2].map(() => [['from B', 'sent']]));
    // Every tab shows a message pending as soon as it is composed in one, and its answer.
    const answer = fake.requests.length;
    fake.hold('send_event');
    void c.store.actions.send('from C');
    await deliver();
    expect([a, b, c].map((t) => view(t.store).at(-1))).toEqual([0, 1, 2].map(() => ['from C', 'pending']));
    expect(fake.requests.slice(answer).map((r) => r.action)).toEqual(['send_event']);
    fake.requests.at(-1)!.resolve({ event_id: 'E9' });
    await deliver();
    expect([a, b, c].map((t) => view(t.store).at(-1))).toEqual([0, 1, 2].map(() => ['from C', 'sent']));
  });

  it("show the agent's messages and the unread count in every tab; reading in one clears it in all", async () => {
    const { server, open } = visitor();
    const [a, b] = [await open(), await open()];
    void a.store.actions.send('hi');
    await deliver();
    server.agentSays('Hello!');
    await deliver();
    expect([a, b].map((t) => [messages(t.store), t.store.unreadCount.value])).toEqual([
      [['hi', 'Hello!'], 1],
      [['hi', 'Hello!'], 1],
    ]);
    b.store.actions.setVisibility('maximized');
    await deliver();
    expect([a.store.unreadCount.value, b.store.unreadCount.value]).toEqual([0, 0]);
  });

  it('deliver a message in flight when the leader goes once: the new leader syncs, then sends what the server lacks', async () => {
    const { fake, server, browser, open } = visitor();
    const [a, b, c] = [await open(), await open(), await open()];
    void a.store.actions.send('first');
    await deliver();
    // The server stores the next one, but its answer never comes: the leader's tab is gone.
    fake.handle('send_event', ({ event }) => {
      server.store(event);
      return new Promise(() => {});
    });
    void c.store.actions.send('stored, unanswered');
    await deliver();
    void c.store.actions.send('never reached the server');
    await deliver();
    // The leader waits for the answer before sending the next.
    expect(fake.pending('send_event')).toHaveLength(1);
    a.link.crash();
    a.store.dispose();
    fake.handle('send_event', ({ event }) => {
      const e = server.store(event);
      fake.push('incoming_event', { chat_id: 'CHAT1', thread_id: server.threads.at(-1)!.id, event: e });
      return { event_id: e.id };
    });
    await deliver(20);
    expect(browser.leader()).toBe(b.link.id);
    const texts = server.threads.flatMap((t) => t.events!.map((e) => (e.type === 'message' ? e.text : e.type)));
    expect(texts).toEqual(['first', 'stored, unanswered', 'never reached the server']);
    for (const t of [b, c]) expect(messages(t.store)).toEqual(texts);
  });

  it('a follower restoring entries at start does not send them: the leader does, once', async () => {
    const { fake, storage, open } = visitor();
    storage.setItem(
      'chatlet_outbox_123',
      JSON.stringify([{ customId: 'kept-1', createdAt: 1, event: { type: 'message', text: 'left by a closed tab', custom_id: 'kept-1', recipients: 'all' } }]),
    );
    const [a, b] = [await open(), await open()];
    await deliver();
    expect(fake.calls('start_chat')).toHaveLength(1);
    for (const t of [a, b]) expect(view(t.store)).toEqual([['left by a closed tab', 'sent']]);
  });

  it("show a refusal in every tab, and a retry from any tab goes out from the leader", async () => {
    const { fake, open } = visitor();
    const [a, b] = [await open(), await open()];
    void a.store.actions.send('hi');
    await deliver();
    fake.handle('send_event', () => {
      throw Object.assign(new Error('Too long'), { type: 'validation' });
    });
    void b.store.actions.send('refused');
    await deliver();
    expect([a, b].map((t) => view(t.store).at(-1))).toEqual([
      ['refused', 'failed'],
      ['refused', 'failed'],
    ]);
    fake.handle('send_event', ({ event }) => ({ event_id: `E-${(event as { custom_id: string }).custom_id}` }));
    void b.store.actions.retry(b.store.outbox.value[0]!.customId);
    await deliver();
    expect(fake.calls('send_event')).toHaveLength(2);
    expect([a, b].map((t) => view(t.store).at(-1))).toEqual([
      ['refused', 'sent'],
      ['refused', 'sent'],
    ]);
  });

  it("share the draft: an empty composer takes another tab's, a composer with its own text keeps it, a sent draft leaves the others", async () => {
    const { open } = visitor();
    const [a, b, c] = [await open(), await open(), await open()];
    c.store.actions.type('my own');
    await deliver();
    a.store.actions.type('Hel');
    a.store.actions.type('Hello');
    await deliver();
    expect([a, b, c].map((t) => t.store.draft.value)).toEqual(['Hello', 'Hello', 'my own']);
    void a.store.actions.send('Hello');
    await deliver();
    expect([a, b, c].map((t) => t.store.draft.value)).toEqual(['', '', 'my own']);
  });

  it('keep a draft for the next page of the tab, in its chat, shown once that chat is known and only in an empty composer', async () => {
    const { open } = visitor();
    const session = memoryStorage();
    const first = await open(session);
    void first.store.actions.send('hi');
    await deliver();
    first.store.actions.type('unsent words');
    first.close();
    const next = await open(session);
    expect(next.store.draft.value).toBe('unsent words');
    next.close();
    // The next page's visitor already typed something when the chat became known: kept.
    session.setItem('chatlet_draft_123_0', JSON.stringify({ chatId: 'another chat', text: 'not this chat' }));
    const other = await open(session);
    expect(other.store.draft.value).toBe('');
  });

  it('share the muted setting, and remember it', async () => {
    const { open } = visitor();
    const [a, b] = [await open(), await open()];
    a.store.actions.setMuted(true);
    await deliver();
    expect([a.store.muted.value, b.store.muted.value]).toEqual([true, true]);
    const c = await open();
    expect(c.store.muted.value).toBe(true);
    c.store.actions.setMuted(false);
    await deliver();
    expect([a.store.muted.value, b.store.muted.value]).toEqual([false, false]);
  });
});
