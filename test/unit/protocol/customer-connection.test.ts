// The connection is the client without its camelCase wrappers (the widget's bundle leaves them out);
// createCustomerClient adds them onto the same object, so its live getters stay live.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerConnection } from '../../../src/protocol/customer-connection';
import { flush, harness, LOGIN } from './client-harness';
import { fakeSockets } from './fake-socket';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const getToken = async () => ({ accessToken: 'dal:t', entityId: 'c1', expiresIn: 3600, tokenType: 'Bearer' });

describe('createCustomerConnection', () => {
  it('has no method wrappers and sends every method through request()', async () => {
    const server = fakeSockets();
    const connection = createCustomerConnection({ licenseId: 1, WebSocket: server.WebSocket, getToken, storage: null, environment: null });
    expect('getForm' in connection).toBe(false);
    expect(Object.keys(connection).filter((k) => !['state', 'closeReason', 'droppedFrames'].includes(k)).sort()).toEqual([
      'close',
      'connect',
      'markChatSeen',
      'on',
      'request',
    ]);
    const connected = connection.connect();
    await flush();
    server.current.open();
    server.current.respond('login', LOGIN);
    await expect(connected).resolves.toEqual(LOGIN);
    expect(connection.state).toBe('online');
    const answer = connection.request('update_customer_page', { url: 'https://shop.example/' });
    expect(server.current.last('update_customer_page').payload).toEqual({ url: 'https://shop.example/' });
    server.current.respond('update_customer_page');
    await expect(answer).resolves.toEqual({});
    connection.close();
  });
});

describe('createCustomerClient', () => {
  it('adds the wrappers without freezing the connection getters', async () => {
    const h = harness();
    expect(h.client.state).toBe('idle');
    expect(typeof h.client.getForm).toBe('function');
    await h.connect();
    expect(h.client.state).toBe('online');
    h.client.close();
    expect(h.client.state).toBe('closed');
    expect(h.client.closeReason).toBe('client_closed');
  });
});
