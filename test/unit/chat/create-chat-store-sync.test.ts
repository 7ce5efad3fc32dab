import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RtmError } from '../../../src/protocol/rtm-error';
import { AGENT, CHAT_ID } from './fake-server';
import { flush, memoryStorage, setup, view } from './store-helpers';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 12) });
});
afterEach(() => {
  vi.useRealTimers();
});

const texts = (payloads: unknown[]) => payloads.map((p) => (p as { event: { text: string } }).event.text);

describe('createChatStore: resync and the outbox', () => {
  it('after a re-login refetches the last thread, drops what the server has, resends the rest in order', async () => {
    const { fake, server, store } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.hold('send_event');
    void store.actions.send('one');
    void store.actions.send('two');
    void store.actions.send('three');
    // 'one' is in flight: the server stores it, but the link drops before the push or answer arrive.
    const [inFlight] = fake.pending('send_event');
    server.store((inFlight!.payload as { event: Parameters<typeof server.store>[0] }).event);
    fake.drop();
    await flush();
    expect(view(store).slice(-3)).toEqual([['one', 'pending'], ['two', 'pending'], ['three', 'pending']]);
    expect(store.connectionState.value).toBe('reconnecting');

    fake.handle('send_event', ({ event }) => {
      const e = server.store(event);
      fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: 'T1', event: e });
      return { event_id: e.id };
    });
    fake.online(server.login());
    await flush();

    expect(fake.calls('get_chat_threads').at(-1)).toEqual({ chat_id: CHAT_ID, thread_ids: ['T1'] });
    expect(texts(fake.calls('send_event'))).toEqual(['one', 'two', 'three']);
    // 'one' was sent once before the drop and not again.
    expect(texts(fake.calls('send_event').slice(1))).toEqual(['two', 'three']);
    expect(view(store)).toEqual([['hi', 'sent'], ['one', 'sent'], ['two', 'sent'], ['three', 'sent']]);
    expect(new Set(store.timeline.value.map((i) => i.key)).size).toBe(4);
    expect(store.state.value.outbox).toEqual([]);
  });

  it('persists the outbox under a license key and restores it in a new store, which sends it', async () => {
    const storage = memoryStorage();
    const first = await setup({ storage });
    await first.store.actions.send('hi');
    await flush();
    first.fake.hold('send_event');
    void first.store.actions.send('survive the reload');
    expect(JSON.parse(storage.map.get('chatlet_outbox_123')!)).toEqual([
      { customId: expect.any(String), createdAt: Date.UTC(2024, 0, 1, 12), event: { type: 'message', text: 'survive the reload', recipients: 'all', custom_id: expect.any(String) } },
    ]);
    first.store.dispose();

    const second = await setup({ storage, connect: false, prepare: (s) => s.history(1) });
    expect(view(second.store)).toEqual([['survive the reload', 'pending']]);
    second.fake.online(second.server.login());
    await flush();
    expect(texts(second.fake.calls('activate_chat').map((p) => ({ event: (p as { chat: { thread: { events: unknown[] } } }).chat.thread.events[0] })))).toEqual(['survive the reload']);
    expect(storage.map.has('chatlet_outbox_123')).toBe(false);
  });

  it('does not persist on changes that leave the outbox alone', async () => {
    const storage = memoryStorage();
    const writes = vi.spyOn(storage, 'setItem');
    const { server, store } = await setup({ storage });
    await store.actions.send('hi');
    await flush();
    const count = writes.mock.calls.length;
    server.agentSays('hello');
    server.agentSays('anything else?');
    expect(writes.mock.calls.length).toBe(count);
  });

  it('survives a corrupt or throwing storage', async () => {
    const storage = memoryStorage();
    storage.map.set('chatlet_outbox_123', '{not json');
    const corrupt = await setup({ storage });
    expect(corrupt.store.state.value.outbox).toEqual([]);
    const broken = memoryStorage();
    broken.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const { store } = await setup({ storage: broken });
    await store.actions.send('still works');
    await flush();
    expect(view(store)).toEqual([['still works', 'sent']]);
  });
});

describe('createChatStore: history, read receipts, events', () => {
  it('loads older threads on demand until there are none', async () => {
    const { fake, store } = await setup({ prepare: (s) => s.history(2, 3, 1) });
    expect(view(store).map(([t]) => t)).toEqual(['old 3.0']);
    expect(store.hasOlder.value).toBe(true);
    await store.actions.loadOlder();
    expect(fake.calls('get_chat_threads_summary')).toEqual([{ chat_id: CHAT_ID, offset: 0, limit: 25 }]);
    expect(fake.calls('get_chat_threads').at(-1)).toEqual({ chat_id: CHAT_ID, thread_ids: ['T2', 'T1'] });
    expect(view(store).map(([t]) => t)).toEqual(['old 1.0', 'old 1.1', 'old 2.0', 'old 2.1', 'old 2.2', 'old 3.0']);
    expect(store.hasOlder.value).toBe(false);
  });

  it('marks seen only while the panel is visible', async () => {
    const { fake, server, store, log } = await setup();
    await store.actions.send('hi');
    await flush();
    vi.setSystemTime(Date.UTC(2024, 0, 2));
    server.agentSays('are you there?');
    expect(store.unreadCount.value).toBe(1);
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toEqual([]);

    store.actions.setVisibility('maximized');
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toEqual([{ chat_id: CHAT_ID }]);
    expect(store.unreadCount.value).toBe(0);

    server.agentSays('hello?');
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toHaveLength(2);
    expect(store.unreadCount.value).toBe(0);

    store.actions.setVisibility('minimized');
    server.agentSays('bye');
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toHaveLength(2);
    expect(log.filter(([n]) => n === 'unread_changed').map(([, p]) => p)).toEqual([{ count: 1 }, { count: 0 }, { count: 1 }]);
    expect(store.unreadCount.value).toBe(1);
  });

  it('keeps one read receipt in flight and sends one follow-up for what arrived meanwhile', async () => {
    const { fake, server, store } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.hold('update_last_seen_timestamp');
    store.actions.setVisibility('maximized');
    server.agentSays('one');
    server.agentSays('two');
    server.agentSays('three');
    expect(store.unreadCount.value).toBe(0);
    expect(fake.calls('update_last_seen_timestamp')).toHaveLength(1);
    fake.pending('update_last_seen_timestamp')[0]!.resolve({ timestamp: 1 });
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toHaveLength(2);
    expect(store.unreadCount.value).toBe(0);
  });

  it('sends read receipts as mark_events_as_seen once the server refuses the seed method, until the next login', async () => {
    const { fake, server, store } = await setup();
    // A released-v3.1 server: the seed's method is an unknown action there.
    fake.handle('update_last_seen_timestamp', () => {
      throw new RtmError('validation', 'unknown action `update_last_seen_timestamp`');
    });
    fake.handle('mark_events_as_seen', () => ({}));
    await store.actions.send('hi');
    await flush();
    store.actions.setVisibility('maximized');
    const first = server.agentSays('are you there?');
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toEqual([{ chat_id: CHAT_ID }]);
    const [retried] = fake.calls('mark_events_as_seen') as { chat_id: string; seen_up_to: string }[];
    expect(retried!.chat_id).toBe(CHAT_ID);
    expect(retried!.seen_up_to).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(retried!.seen_up_to)).toBe(Date.parse(first.created_at!));
    expect(store.unreadCount.value).toBe(0);

    server.agentSays('hello?');
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toHaveLength(1);
    expect(fake.calls('mark_events_as_seen')).toHaveLength(2);

    // A new connection may reach a server of the other dialect: the seed's method goes first again.
    fake.drop();
    fake.handle('update_last_seen_timestamp', () => ({ timestamp: Math.floor(Date.now() / 1000) }));
    fake.online(server.login());
    await flush();
    server.agentSays('back');
    await flush();
    expect(fake.calls('update_last_seen_timestamp')).toHaveLength(2);
    expect(fake.calls('mark_events_as_seen')).toHaveLength(2);
    expect(store.unreadCount.value).toBe(0);
  });

  it('emits new_event once per event, for incoming and own messages', async () => {
    const { fake, server, store, log } = await setup();
    await store.actions.send('mine');
    await flush();
    const e = server.agentSays('theirs');
    fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: 'T1', event: e });
    const emitted = log.filter(([n]) => n === 'new_event').map(([, p]) => p as { author: { type: string }; event: { text: string } });
    expect(emitted.map((p) => [p.event.text, p.author.type])).toEqual([['mine', 'customer'], ['theirs', 'agent']]);
  });

  it('reports availability and connection changes', async () => {
    const { fake, server, log } = await setup({ groupOnline: false });
    fake.push('incoming_multicast', { type: 'lc2', content: { name: 'groups_update', groups: [{ id: 0, status: 'online' }] } });
    expect(log.filter(([n]) => n === 'availability_changed').map(([, p]) => p)).toEqual([{ availability: 'offline' }, { availability: 'online' }]);
    fake.drop('offline');
    fake.online(server.login());
    expect(log.filter(([n]) => n === 'connection_changed').map(([, p]) => (p as { state: string }).state)).toEqual(['online', 'offline', 'online']);
  });

  it('refuses to start a chat while the group is offline, and forgets everything on dispose', async () => {
    const { fake, store, log } = await setup({ groupOnline: false });
    expect(store.canSend.value).toEqual({ canSend: false, reason: 'group_offline' });
    expect(store.agent.value).toBeNull();
    store.dispose();
    expect(fake.listenerCount()).toBe(0);
    fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: 'T1', event: { id: 'x', type: 'message', text: 'late', author_id: AGENT } });
    expect(store.timeline.value).toEqual([]);
    expect(log.filter(([n]) => n === 'new_event')).toEqual([]);
  });
});
