import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../src/chat/tab-client';
import { startTabs } from '../../../src/chat/tab-start';
import type { LoginResponse } from '../../../src/protocol/types';
import { createFakeClient, type FakeClient } from './fake-client';
import { deliver, fakeBrowser } from './fake-tabs';

const LOGIN: LoginResponse = { customer_id: 'me', chats: [] };

/** Tabs of one visitor as the widget starts them; each connection made is a new fake client. */
function visitor() {
  const browser = fakeBrowser();
  const connections: FakeClient[] = [];
  const connection = (): Connection => {
    const fake = createFakeClient();
    fake.setLogin(LOGIN);
    fake.handle('get_chats_summary', () => ({ chats_summary: [], total_chats: 0 }));
    connections.push(fake);
    return Object.assign(fake.client, { close: () => fake.drop('closed') });
  };
  const open = async () => {
    const link = browser.link();
    const tabs = await startTabs(link);
    return { link, tabs, seat: tabs.join(connection) };
  };
  return { browser, connections, open };
}

describe('startTabs', () => {
  it("makes a tab that finds no leader lead at once, on its own connection as a single tab's; the next one a tab client that follows it", async () => {
    const { browser, connections, open } = visitor();
    const first = await open();
    expect(browser.leader()).toBe(first.link.id);
    expect(first.seat.client).toBe(connections[0]!.client);
    expect(first.seat.peers.leads).toBe(true);
    void first.seat.client.connect();
    await deliver();

    const second = await open();
    // Its connection is made only if it comes to lead.
    expect(connections).toHaveLength(1);
    expect(second.seat.client).not.toBe(connections[0]!.client);
    await expect(second.seat.client.connect()).resolves.toEqual({ customer_id: 'me' });
    expect([second.seat.peers.leads, second.seat.client.state]).toEqual([false, 'online']);
    await expect(second.seat.client.request('get_chats_summary', {})).resolves.toMatchObject({ chats_summary: [] });
    expect(connections).toHaveLength(1);
  });

  it('hands over from a tab that led from the start: it closes, the follower leads on a connection of its own', async () => {
    const { browser, connections, open } = visitor();
    const first = await open();
    void first.seat.client.connect();
    await deliver();
    const second = await open();
    void second.seat.client.connect();
    await deliver();
    first.seat.close();
    await deliver();
    expect(browser.leader()).toBe(second.link.id);
    expect([connections.length, second.seat.peers.leads, second.seat.client.state]).toEqual([2, true, 'online']);
  });

  it('lets the lead go when the tab leaves without joining (the app did not start)', async () => {
    const { browser, open } = visitor();
    const first = await open();
    first.tabs.leave();
    await deliver();
    const next = await open();
    expect(browser.leader()).toBe(next.link.id);
    expect(next.seat.peers.leads).toBe(true);
  });
});
