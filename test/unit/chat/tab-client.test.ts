import { describe, expect, it } from 'vitest';
import { createTabClient } from '../../../src/chat/tab-client';
import { systemClock } from '../../../src/protocol/clock';
import { RtmError } from '../../../src/protocol/rtm-error';
import type { LoginResponse } from '../../../src/protocol/types';
import { createFakeClient, type FakeClient } from './fake-client';
import { deliver, fakeBrowser } from './fake-tabs';

const LOGIN: LoginResponse = { customer_id: 'me', chats: [{ chat_id: 'C1', has_unread_events: true }] };

/** Tabs of one visitor; each leader's connection is a new fake client, logged in with LOGIN. */
function visitor() {
  const browser = fakeBrowser();
  const connections: FakeClient[] = [];
  const open = () => {
    const link = browser.link();
    const client = createTabClient({
      link,
      clock: systemClock,
      connection: () => {
        const fake = createFakeClient();
        fake.setLogin(LOGIN);
        fake.handle('get_chats_summary', () => ({ chats_summary: [], total_chats: connections.indexOf(fake) }));
        connections.push(fake);
        return Object.assign(fake.client, { close: () => fake.drop('closed') });
      },
    });
    const heard: unknown[][] = [];
    client.on('connection_state', (state) => heard.push(['state', state]));
    client.on('login', (login) => heard.push(['login', login]));
    client.on('push', (name, payload) => heard.push(['push', name, payload]));
    return { link, client, heard };
  };
  return { browser, connections, open };
}

describe('createTabClient', () => {
  it("connects one tab of the visitor; the others share its connection, its state and its login (without the login's list of chats, from before they joined)", async () => {
    const { connections, open } = visitor();
    const tabs = [open(), open(), open()];
    const logins = tabs.map((t) => t.client.connect());
    await deliver();
    expect(connections).toHaveLength(1);
    expect(await Promise.all(logins)).toEqual([LOGIN, { customer_id: 'me' }, { customer_id: 'me' }]);
    expect(tabs.map((t) => [t.client.state, t.client.leads])).toEqual([
      ['online', true],
      ['online', false],
      ['online', false],
    ]);
    expect(tabs[1]!.heard).toEqual([
      ['state', 'connecting'],
      ['state', 'online'],
      ['login', { customer_id: 'me' }],
    ]);
  });

  it("sends a follower's requests and read receipts through the leader's connection and settles them with its answers", async () => {
    const { connections, open } = visitor();
    const [, follower] = [open(), open()];
    for (const t of [follower!]) void t.client.connect();
    await deliver();
    const conn = connections[0]!;
    await expect(follower!.client.request('get_chats_summary', {})).resolves.toEqual({ chats_summary: [], total_chats: 0 });
    conn.handle('get_form', () => {
      throw new RtmError('group_not_found', 'No such group', { group_id: 9 });
    });
    const refused = await follower!.client.request('get_form', { group_id: 9, type: 'prechat' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RtmError);
    expect(refused).toMatchObject({ type: 'group_not_found', message: 'No such group', data: { group_id: 9 } });
    conn.handle('update_last_seen_timestamp', () => ({ timestamp: 12 }));
    await expect(follower!.client.markChatSeen('C1', 5)).resolves.toBe(12_000);
    expect(conn.calls('update_last_seen_timestamp')).toEqual([{ chat_id: 'C1' }]);
  });

  it('refuses requests while the shared connection is not online, like a client of its own', async () => {
    const { open } = visitor();
    const follower = open();
    const refused = await follower.client.request('get_chats_summary', {}).catch((e: RtmError) => e.type);
    expect(refused).toBe('not_connected');
  });

  it("relays the leader's pushes to every tab, by name too", async () => {
    const { connections, open } = visitor();
    const tabs = [open(), open()];
    for (const t of tabs) void t.client.connect();
    await deliver();
    const named: unknown[] = [];
    tabs[1]!.client.on('incoming_event', (payload) => named.push(payload));
    connections[0]!.push('incoming_event', { chat_id: 'C1', event: { id: 'E1' } });
    await deliver();
    for (const t of tabs) expect(t.heard.at(-1)).toEqual(['push', 'incoming_event', { chat_id: 'C1', event: { id: 'E1' } }]);
    expect(named).toEqual([{ chat_id: 'C1', event: { id: 'E1' } }]);
  });

  it("hands over when the leader's tab closes: the next tab connects, the others follow it, calls to the old leader fail as on a lost link", async () => {
    const { browser, connections, open } = visitor();
    const [a, b, c] = [open(), open(), open()];
    for (const t of [a, b, c]) void t.client.connect();
    await deliver();
    connections[0]!.hold('get_chats_summary');
    const pending = c!.client.request('get_chats_summary', {}).catch((e: RtmError) => e.type);
    await deliver();
    a!.client.close();
    await deliver();
    expect(browser.leader()).toBe(b!.link.id);
    expect(connections).toHaveLength(2);
    expect(await pending).toBe('connection_lost');
    expect([b!.client.leads, b!.client.state, c!.client.state]).toEqual([true, 'online', 'online']);
    // C heard B's connection log in (and so resyncs), never A's connection close. (The fake logs in at
    // once, before B's welcome: so that login, like A's, comes without its list of chats.)
    expect(c!.heard.filter(([kind]) => kind !== 'push')).toEqual([
      ['state', 'connecting'],
      ['state', 'online'],
      ['login', { customer_id: 'me' }],
      ['state', 'online'],
      ['login', { customer_id: 'me' }],
    ]);
    await expect(c!.client.request('get_chats_summary', {})).resolves.toEqual({ chats_summary: [], total_chats: 1 });
  });

  it('hands over when the leader crashes without a word', async () => {
    const { browser, connections, open } = visitor();
    const [a, b] = [open(), open()];
    for (const t of [a, b]) void t.client.connect();
    await deliver();
    connections[0]!.hold('get_chats_summary');
    const pending = b!.client.request('get_chats_summary', {}).catch((e: RtmError) => e.type);
    await deliver();
    a!.link.crash();
    await deliver();
    expect(browser.leader()).toBe(b!.link.id);
    expect(b!.client.leads).toBe(true);
    expect(await pending).toBe('connection_lost');
    expect(connections).toHaveLength(2);
  });

  it("tells a tab that joins later the leader's state and login, without the login's (stale) list of chats, and the availability pushes since", async () => {
    const { connections, open } = visitor();
    const first = open();
    void first.client.connect();
    await deliver();
    const multicast = { type: 'lc2', content: { name: 'groups_update', groups: [{ id: 0, status: 'offline' }] } };
    connections[0]!.push('incoming_multicast', multicast);
    connections[0]!.push('incoming_event', { chat_id: 'C1', event: { id: 'E1' } });
    await deliver();
    const late = open();
    await expect(late.client.connect()).resolves.toEqual({ customer_id: 'me' });
    expect(late.heard).toEqual([
      ['state', 'connecting'],
      ['state', 'online'],
      ['login', { customer_id: 'me' }],
      ['push', 'incoming_multicast', multicast],
    ]);
  });

  it("asks the leader to connect when a follower's store does, after the connection paused", async () => {
    const { connections, open } = visitor();
    const [a, b] = [open(), open()];
    for (const t of [a, b]) void t.client.connect();
    await deliver();
    connections[0]!.drop('idle');
    await deliver();
    expect(b!.client.state).toBe('idle');
    const login = b!.client.connect();
    await deliver();
    expect(connections[0]!.connectCalls).toBe(2);
    await expect(login).resolves.toEqual(LOGIN);
  });

  it("rejects a follower's connect() once the shared connection stops for good, with the leader's reason", async () => {
    const { connections, open } = visitor();
    const [a, b] = [open(), open()];
    void a.client.connect();
    await deliver();
    connections[0]!.drop('closed');
    const refused = b.client.connect().catch((e: RtmError) => e);
    await deliver();
    expect(await refused).toMatchObject({ type: 'closed' });
  });

  it('elects one leader per license and group', async () => {
    const { browser } = visitor();
    const made: string[] = [];
    const tab = (name: string) =>
      createTabClient({
        link: browser.link(name),
        clock: systemClock,
        connection: () => {
          made.push(name);
          return Object.assign(createFakeClient().client, { close() {} });
        },
      });
    for (const name of ['chatlet1:1:0', 'chatlet1:1:0', 'chatlet1:1:2', 'chatlet1:7:0']) void tab(name).connect();
    await deliver();
    expect(made.sort()).toEqual(['chatlet1:1:0', 'chatlet1:1:2', 'chatlet1:7:0']);
  });

  it('does nothing before connect(), and leaves the election on close()', async () => {
    const { browser, connections, open } = visitor();
    const idle = open();
    await deliver();
    expect([connections.length, browser.leader()]).toEqual([0, undefined]);
    const [a, b] = [open(), open()];
    void a.client.connect();
    void b.client.connect();
    await deliver();
    b.client.close();
    a.client.close();
    idle.client.close();
    await deliver();
    expect(browser.leader()).toBeUndefined();
    expect(connections).toHaveLength(1);
    expect(connections[0]!.client.state).toBe('closed');
  });
});
