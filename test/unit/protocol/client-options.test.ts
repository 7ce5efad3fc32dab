import { describe, expect, it, vi } from 'vitest';
import { clientOptions } from '../../../src/protocol/client-options';
import { systemClock } from '../../../src/protocol/clock';
import { fakeSockets } from './fake-socket';

const { WebSocket } = fakeSockets();

describe('clientOptions', () => {
  it.each([undefined, 0, -1, 1.5, '123', Number.NaN])('rejects licenseId %j with a clear error', (licenseId) => {
    expect(() => clientOptions({ licenseId: licenseId as number, WebSocket })).toThrow(
      /^chatlet\/client: licenseId must be a positive integer/,
    );
  });

  it('fills in the defaults', () => {
    const o = clientOptions({ licenseId: 1, WebSocket });
    expect(o).toMatchObject({
      licenseId: 1,
      apiUrl: 'wss://api.livechatinc.com',
      accountsUrl: 'https://accounts.livechatinc.com',
      clock: systemClock,
      random: Math.random,
    });
    expect(typeof o.fetch).toBe('function');
    expect(o.environment).toBeDefined();
  });

  it('trims trailing slashes off the URLs', () => {
    const o = clientOptions({ licenseId: 1, WebSocket, apiUrl: 'ws://127.0.0.1:9/', accountsUrl: 'http://127.0.0.1:9//' });
    expect(o.apiUrl).toBe('ws://127.0.0.1:9');
    expect(o.accountsUrl).toBe('http://127.0.0.1:9');
  });

  it('uses globalThis.WebSocket by default and explains when there is none', () => {
    vi.stubGlobal('WebSocket', undefined);
    expect(() => clientOptions({ licenseId: 1 })).toThrow('chatlet/client: this runtime has no WebSocket; pass options.WebSocket');
    vi.stubGlobal('WebSocket', WebSocket);
    expect(clientOptions({ licenseId: 1 }).WebSocket).toBe(WebSocket);
    vi.unstubAllGlobals();
  });

  it('needs getToken or fetch', () => {
    vi.stubGlobal('fetch', undefined);
    expect(() => clientOptions({ licenseId: 1, WebSocket })).toThrow('chatlet/client: pass getToken, or fetch for the cookie grant');
    expect(() => clientOptions({ licenseId: 1, WebSocket, getToken: async () => ({}) as never })).not.toThrow();
    vi.unstubAllGlobals();
  });

  it('turns the environment off with null', () => {
    expect(clientOptions({ licenseId: 1, WebSocket, environment: null }).environment).toBeNull();
  });
});
