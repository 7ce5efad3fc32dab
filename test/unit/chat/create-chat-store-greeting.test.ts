// The login's greeting and the visitor's status, as the store derives them and tells the embed layer
// (LiveChat's greeting_displayed / greeting_hidden / customer_status_changed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Greeting } from '../../../src/protocol/types';
import { AGENT } from './fake-server';
import { flush, setup } from './store-helpers';

const GREETING: Greeting = { id: 7, unique_id: 'g-7', text: 'Need a hand?', agent: { id: AGENT, name: 'Ann', type: 'agent' } as never };
const shown = { id: 7, uniqueId: 'g-7' };

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 12) }));
afterEach(() => vi.useRealTimers());

const of = (log: [string, unknown][], ...names: string[]) => log.filter(([n]) => names.includes(n));

describe('createChatStore: the greeting and the customer status', () => {
  it('shows the login’s greeting while minimized, and the visitor is invited', async () => {
    const { store, log } = await setup({ greeting: GREETING });
    expect(store.customerStatus.value).toBe('invited');
    expect(store.shownGreeting.value).toMatchObject({ unique_id: 'g-7', text: 'Need a hand?' });
    expect(of(log, 'customer_status_changed', 'greeting_displayed')).toEqual([
      ['customer_status_changed', { status: 'invited' }],
      ['greeting_displayed', shown],
    ]);
  });

  it('hides it while the chat is open or hidden, and shows it again when minimized', async () => {
    const { store, log } = await setup({ greeting: GREETING });
    store.actions.setVisibility('maximized');
    store.actions.setVisibility('minimized');
    store.actions.setVisibility('hidden');
    expect(store.shownGreeting.value).toBeNull();
    expect(of(log, 'greeting_displayed', 'greeting_hidden').map(([n]) => n)).toEqual([
      'greeting_displayed',
      'greeting_hidden',
      'greeting_displayed',
      'greeting_hidden',
    ]);
    // Still offered: the visitor stays invited.
    expect(store.customerStatus.value).toBe('invited');
  });

  it('dismissed, it goes for good, also when the next login brings it again', async () => {
    const { fake, server, store, log } = await setup({ greeting: GREETING });
    store.actions.dismissGreeting();
    expect(store.shownGreeting.value).toBeNull();
    expect(store.customerStatus.value).toBe('browsing');
    fake.drop();
    fake.online(server.login());
    await flush();
    expect(store.shownGreeting.value).toBeNull();
    expect(of(log, 'greeting_displayed', 'greeting_hidden', 'customer_status_changed')).toEqual([
      ['customer_status_changed', { status: 'invited' }],
      ['greeting_displayed', shown],
      ['customer_status_changed', { status: 'browsing' }],
      ['greeting_hidden', shown],
    ]);
  });

  it('a login that brings the same greeting again changes nothing on the page', async () => {
    const { fake, server, log } = await setup({ greeting: GREETING });
    fake.drop();
    fake.online(server.login());
    await flush();
    expect(of(log, 'greeting_displayed', 'greeting_hidden')).toEqual([['greeting_displayed', shown]]);
  });

  it('goes when the visitor starts a chat, who is then chatting; browsing once it closes', async () => {
    const { server, store, log } = await setup({ greeting: GREETING });
    await store.actions.send('hi');
    await flush();
    expect(store.customerStatus.value).toBe('chatting');
    expect(store.shownGreeting.value).toBeNull();
    server.close();
    await flush();
    expect(of(log, 'customer_status_changed', 'greeting_hidden')).toEqual([
      ['customer_status_changed', { status: 'invited' }],
      ['customer_status_changed', { status: 'chatting' }],
      ['greeting_hidden', shown],
      // The chat is over: the greeting was the login's, and it is offered again until dismissed.
      ['customer_status_changed', { status: 'invited' }],
    ]);
  });

  it('without a greeting: browsing, then chatting (an agent is in the new chat at once here)', async () => {
    const { store, log } = await setup();
    expect(store.customerStatus.value).toBe('browsing');
    expect(of(log, 'greeting_displayed')).toEqual([]);
    await store.actions.send('hi');
    await flush();
    expect(of(log, 'customer_status_changed').map(([, p]) => p)).toEqual([{ status: 'chatting' }]);
  });
});
