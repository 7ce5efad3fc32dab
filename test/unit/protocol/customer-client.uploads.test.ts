// client.uploadFile: where the upload goes (the Web API's http(s) form of the host the client
// connects to, its region included), with which token, and what a closed client answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RtmError } from '../../../src/protocol/rtm-error';
import { flush, harness, LICENSE_ID } from './client-harness';
import { fakeXhrs } from './fake-xhr';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const UPLOAD = `/v3.1/customer/action/upload_file?license_id=${LICENSE_ID}`;

function uploading(options: Parameters<typeof harness>[0] = {}) {
  const xhrs = fakeXhrs();
  const h = harness({ XMLHttpRequest: xhrs.XMLHttpRequest, ...options });
  /** Starts an upload and waits until its request is out. */
  const start = async (opts?: Parameters<typeof h.client.uploadFile>[1]) => {
    const before = xhrs.made.length;
    const done = h.client.uploadFile(new Blob(['pixels'], { type: 'image/png' }), opts);
    done.catch(() => undefined);
    await vi.waitFor(() => expect(xhrs.made.length).toBe(before + 1));
    return { done, xhr: xhrs.last };
  };
  return { h, xhrs, start };
}

describe('client.uploadFile', () => {
  it("goes to LiveChat's https Web API host with the current customer token, before or after connecting", async () => {
    const { h, start } = uploading();
    const first = await start();
    expect(first.xhr.url).toBe(`https://api.livechatinc.com${UPLOAD}`);
    expect(first.xhr.headers.Authorization).toBe('Bearer dal:token-1');
    first.xhr.respond(200, { url: 'https://cdn.livechat-static.com/api/file/lc/att/1/a.png' });
    await expect(first.done).resolves.toEqual({ url: 'https://cdn.livechat-static.com/api/file/lc/att/1/a.png' });
    await h.connect();
    const second = await start();
    // The socket's login and the upload share one cached token.
    expect(second.xhr.headers.Authorization).toBe('Bearer dal:token-1');
    expect(h.getToken).toHaveBeenCalledTimes(1);
    h.client.close();
  });

  it('turns ws:// into http:// and keeps host, port and path (the sandbox)', async () => {
    const { h, start } = uploading({ apiUrl: 'ws://127.0.0.1:8080/' });
    expect((await start()).xhr.url).toBe(`http://127.0.0.1:8080${UPLOAD}`);
    h.client.close();
    const proxied = uploading({ apiUrl: 'wss://chat.example.com/livechat' });
    expect((await proxied.start()).xhr.url).toBe(`https://chat.example.com/livechat${UPLOAD}`);
    proxied.h.client.close();
  });

  it('follows the client to the region that serves the license', async () => {
    const { h, start } = uploading();
    await h.connect();
    h.server.current.push('customer_disconnected', { reason: 'misdirected_connection', data: { region: 'fra' } });
    await flush();
    expect((await start()).xhr.url).toBe(`https://api-fra.livechatinc.com${UPLOAD}`);
    h.client.close();
  });

  it('fetches a fresh token when the server refuses the cached one, and the socket then logs in with it', async () => {
    const { h, xhrs, start } = uploading();
    const { done, xhr } = await start();
    xhr.respond(401, { error: { type: 'authentication', message: 'access token expired' } });
    await vi.waitFor(() => expect(xhrs.made).toHaveLength(2));
    expect(xhrs.last.headers.Authorization).toBe('Bearer dal:token-2');
    xhrs.last.respond(200, { url: 'https://cdn.example/a.png' });
    await expect(done).resolves.toEqual({ url: 'https://cdn.example/a.png' });
    await h.connect();
    expect(h.server.current.last('login').payload?.token).toBe('Bearer dal:token-2');
    expect(h.getToken).toHaveBeenCalledTimes(2);
    h.client.close();
  });

  it('rejects with the RtmError `closed` once the client is closed, without sending', async () => {
    const { h, xhrs } = uploading();
    h.client.close();
    const error = await h.client.uploadFile(new Blob(['x'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RtmError);
    expect(error).toMatchObject({ type: 'closed' });
    expect(xhrs.made).toHaveLength(0);
  });

  it('cancels by signal and reports progress through the client', async () => {
    const { h, start } = uploading();
    const controller = new AbortController();
    const progress: number[] = [];
    const { done, xhr } = await start({ signal: controller.signal, onProgress: (sent) => progress.push(sent) });
    xhr.progress(3, 9);
    controller.abort();
    await expect(done).rejects.toMatchObject({ type: 'aborted' });
    expect([progress, xhr.aborted]).toEqual([[3], true]);
    h.client.close();
  });
});
