// @vitest-environment node
// uploadFile on its own, against a fake XMLHttpRequest: what it sends, progress, the answers it
// turns into a url or an RtmError, one retry with a fresh token, and cancellation at every stage.
// In Node's environment: happy-dom's FormData drops the file name given with a Blob.
import { describe, expect, it, vi } from 'vitest';
import { RtmError } from '../../../src/protocol/rtm-error';
import { uploadFile } from '../../../src/protocol/upload-file';
import type { UploadContext } from '../../../src/protocol/upload-file';
import { fakeXhrs } from './fake-xhr';

const URL_1 = 'https://api.example/v3.1/customer/action/upload_file?license_id=1';

function setup(access?: UploadContext['access']) {
  const xhrs = fakeXhrs();
  let token = 0;
  const context: UploadContext = {
    access: vi.fn(access ?? (async (refresh: boolean) => ({ url: URL_1, authorization: `Bearer t${refresh ? ++token + 10 : ++token}` }))),
    XMLHttpRequest: xhrs.XMLHttpRequest,
    error: (type, message, data) => new RtmError(type, message, data),
  };
  return { xhrs, context };
}

/** Lets the access promise and the request setup run. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const file = () => new File(['hello'], 'notes.txt', { type: 'text/plain' });

describe('uploadFile', () => {
  it('POSTs the file as the `file` part with the Authorization header, and resolves with the url', async () => {
    const { xhrs, context } = setup();
    const done = uploadFile(context, file());
    await settle();
    const xhr = xhrs.last;
    expect([xhr.method, xhr.url, xhr.headers]).toEqual(['POST', URL_1, { Authorization: 'Bearer t1' }]);
    expect(xhr.file.name).toBe('notes.txt');
    expect(await xhr.file.text()).toBe('hello');
    expect([...xhr.body!.keys()]).toEqual(['file']);
    xhr.respond(200, { url: 'https://cdn.example/f/notes.txt' });
    await expect(done).resolves.toEqual({ url: 'https://cdn.example/f/notes.txt' });
    expect(context.access).toHaveBeenCalledWith(false);
  });

  it('names a Blob `file`, and `name` overrides either', async () => {
    const { xhrs, context } = setup();
    void uploadFile(context, new Blob(['x'], { type: 'image/png' }));
    void uploadFile(context, file(), { name: 'renamed.txt' });
    await settle();
    expect(xhrs.made.map((x) => x.file.name)).toEqual(['file', 'renamed.txt']);
  });

  it('reports upload progress as the body goes out', async () => {
    const { xhrs, context } = setup();
    const progress: [number, number][] = [];
    const done = uploadFile(context, file(), { onProgress: (sent, total) => progress.push([sent, total]) });
    await settle();
    xhrs.last.progress(0, 300);
    xhrs.last.progress(150, 300);
    xhrs.last.progress(300, 300);
    xhrs.last.respond(200, { url: 'u' });
    await done;
    expect(progress).toEqual([[0, 300], [150, 300], [300, 300]]);
  });

  it("rejects with the server's error type, message and data", async () => {
    const { xhrs, context } = setup();
    const done = uploadFile(context, file());
    await settle();
    xhrs.last.respond(413, { error: { type: 'validation', message: '`file` is over 10 MB', data: { limit: 10 } } });
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RtmError);
    expect(error).toMatchObject({ type: 'validation', message: '`file` is over 10 MB', data: { limit: 10 } });
  });

  it('replaces a refused token once and tries again; a second refusal is the answer', async () => {
    const { xhrs, context } = setup();
    const done = uploadFile(context, file());
    await settle();
    xhrs.last.respond(401, { error: { type: 'authentication', message: 'access token expired' } });
    await settle();
    expect(context.access).toHaveBeenLastCalledWith(true);
    expect(xhrs.made).toHaveLength(2);
    expect(xhrs.last.headers.Authorization).toBe('Bearer t12');
    xhrs.last.respond(200, { url: 'u2' });
    await expect(done).resolves.toEqual({ url: 'u2' });

    const again = uploadFile(context, file());
    await settle();
    xhrs.last.respond(401, { error: { type: 'authentication', message: 'invalid access token' } });
    await settle();
    xhrs.last.respond(401, { error: { type: 'authentication', message: 'invalid access token' } });
    await expect(again).rejects.toMatchObject({ type: 'authentication', message: 'invalid access token' });
    expect(xhrs.made).toHaveLength(4);
  });

  it('tells a network failure, and an answer that is not the API, from the server errors', async () => {
    const { xhrs, context } = setup();
    const offline = uploadFile(context, file());
    await settle();
    xhrs.last.networkError();
    await expect(offline).rejects.toMatchObject({ type: 'network_error' });

    const proxy = uploadFile(context, file());
    await settle();
    xhrs.last.respond(502, '<html>Bad gateway</html>');
    await expect(proxy).rejects.toMatchObject({ type: 'internal', message: 'upload_file answered HTTP 502', data: { status: 502 } });

    const odd = uploadFile(context, file());
    await settle();
    xhrs.last.respond(200, { uri: 'typo' });
    await expect(odd).rejects.toMatchObject({ type: 'internal', data: { status: 200 } });
  });

  it('cancels by its signal while sending: aborts the request, rejects `aborted`, ignores a late answer', async () => {
    const { xhrs, context } = setup();
    const controller = new AbortController();
    const progress = vi.fn();
    const done = uploadFile(context, file(), { signal: controller.signal, onProgress: progress });
    await settle();
    controller.abort();
    expect(xhrs.last.aborted).toBe(true);
    await expect(done).rejects.toMatchObject({ type: 'aborted' });
    xhrs.last.respond(200, { url: 'too late' });
    await expect(done).rejects.toMatchObject({ type: 'aborted' });
  });

  it('cancels before it starts, and while the token is still coming, without sending anything', async () => {
    const { xhrs, context } = setup();
    await expect(uploadFile(context, file(), { signal: AbortSignal.abort() })).rejects.toMatchObject({ type: 'aborted' });
    expect(context.access).not.toHaveBeenCalled();

    let release: () => void = () => undefined;
    const slow = setup(() => new Promise((resolve) => (release = () => resolve({ url: URL_1, authorization: 'Bearer t' }))));
    const controller = new AbortController();
    const done = uploadFile(slow.context, file(), { signal: controller.signal });
    controller.abort();
    await expect(done).rejects.toMatchObject({ type: 'aborted' });
    release();
    await settle();
    expect(slow.xhrs.made).toHaveLength(0);
    expect(xhrs.made).toHaveLength(0);
  });

  it('stops listening to the signal once settled', async () => {
    const { xhrs, context } = setup();
    const controller = new AbortController();
    const done = uploadFile(context, file(), { signal: controller.signal });
    await settle();
    xhrs.last.respond(200, { url: 'u' });
    await done;
    controller.abort();
    expect(xhrs.last.aborted).toBe(false);
  });

  it('rejects with what access rejects with (a closed client), and explains a runtime without XMLHttpRequest', async () => {
    const closed = new RtmError('closed', 'The client is closed: client_closed');
    const { context } = setup(() => Promise.reject(closed));
    await expect(uploadFile(context, file())).rejects.toBe(closed);
    await expect(uploadFile({ ...context, XMLHttpRequest: undefined }, file())).rejects.toThrow(/no XMLHttpRequest; pass options.XMLHttpRequest/);
  });
});
