// The console sends a file back through the agent Web API's send_file: multipart with the chat
// id, as the logged-in agent, to the http(s) form of the API address; failures reach the banner.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentSocket } from '../../../demo/agent/agent-client';
import { createConsoleStore } from '../../../demo/agent/console-store';
import type { ConsoleStore } from '../../../demo/agent/console-store';

const quietSocket = (): AgentSocket => ({ readyState: 0, send: () => undefined, close: () => undefined, onopen: null, onmessage: null, onclose: null, onerror: null });

let store: ConsoleStore | undefined;
afterEach(() => store?.logout());

function setup(respond: () => Promise<Response>) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) => respond());
  store = createConsoleStore({ apiUrl: 'wss://api.example/', connect: quietSocket, siteOrigin: 'http://site', fetch: fetch as unknown as typeof globalThis.fetch });
  return { store, fetch };
}

const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('console store: sendFile', () => {
  it("posts the file and the chat id to send_file with the agent's token", async () => {
    const { store, fetch } = setup(() => json(200, { url: 'https://api.example/files/1/a.txt' }));
    store.login('demo-agent-token');
    expect(await store.sendFile('CHAT1', new File(['abc'], 'notes.txt', { type: 'text/plain' }))).toBe(true);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://api.example/v3.0/agent/action/send_file');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ Authorization: 'Bearer demo-agent-token' });
    const body = init?.body as FormData;
    expect(body.get('payload.chat_id')).toBe('CHAT1');
    expect((body.get('payload.file') as File).name).toBe('notes.txt');
    expect(store.state.value.error).toBeUndefined();
  });

  it("shows the server's refusal, a network failure, and a file over 10 MB (not sent at all)", async () => {
    let answer = () => json(403, { error: { type: 'authorization', message: 'chat CHAT1 is not accessible' } });
    const { store, fetch } = setup(() => answer());
    store.login('demo-agent-token');
    expect(await store.sendFile('CHAT1', new File(['x'], 'a.txt'))).toBe(false);
    expect(store.state.value.error).toBe('a.txt not sent: chat CHAT1 is not accessible');
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await store.sendFile('CHAT1', new File(['x'], 'b.txt'))).toBe(false);
    expect(store.state.value.error).toBe('b.txt not sent: Failed to fetch');
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.bin');
    expect(await store.sendFile('CHAT1', big)).toBe(false);
    expect(store.state.value.error).toBe('big.bin not sent: it is over 10 MB');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('sends nothing before login or after logout', async () => {
    const { store, fetch } = setup(() => json(200, {}));
    expect(await store.sendFile('CHAT1', new File(['x'], 'a.txt'))).toBe(false);
    store.login('demo-agent-token');
    store.logout();
    expect(await store.sendFile('CHAT1', new File(['x'], 'a.txt'))).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });
});
