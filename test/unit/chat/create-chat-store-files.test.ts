// A visitor's files through the store, with a fake client, server, upload and file store: a file is
// an outbox entry whose send is its upload, then its event; what comes after it waits; limits,
// refusals, retries, removal, a dropped link and a reload each end with nothing lost or doubled.
import '../../../src/chat/attachments';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Upload } from '../../../src/chat/attachments';
import { createChatStore } from '../../../src/chat/create-chat-store';
import type { FileStore } from '../../../src/chat/file-store';
import { RtmError } from '../../../src/protocol/rtm-error';
import type { UploadOptions } from '../../../src/protocol/upload-file';
import { createFakeClient } from './fake-client';
import { createFakeServer } from './fake-server';
import { flush, memoryStorage } from './store-helpers';

interface Call {
  file: Blob;
  options: UploadOptions;
  resolve(url: string): void;
  reject(error: unknown): void;
}

/** An upload that waits for the test to answer it. */
function fakeUpload() {
  const calls: Call[] = [];
  const upload: Upload = (file, options) =>
    new Promise((resolve, reject) => {
      const call: Call = { file, options, resolve: (url) => resolve({ url }), reject };
      options.signal?.addEventListener('abort', () => reject(new RtmError('aborted', 'The upload was cancelled')));
      calls.push(call);
    });
  return { upload, calls };
}

/** A file store in memory, shared by the "pages" of one test. */
function memoryFiles(kept = new Map<string, Blob>()): FileStore & { kept: Map<string, Blob> } {
  return {
    kept,
    put: async (id, blob) => {
      kept.set(id, blob);
      return true;
    },
    get: async (id) => kept.get(id),
    delete: async (id) => void kept.delete(id),
    prune: async () => undefined,
    close: () => undefined,
  };
}

const file = (name: string, text: string, type = 'text/plain') => new File([text], name, { type });

let fake: ReturnType<typeof createFakeClient>;
let server: ReturnType<typeof createFakeServer>;
let storage: ReturnType<typeof memoryStorage>;
let files: ReturnType<typeof memoryFiles>;
let uploads: ReturnType<typeof fakeUpload>;

function page(options: { maxFileSize?: number; files?: FileStore } = {}) {
  const store = createChatStore({ client: fake.client, storage, licenseId: 1, random: () => 0.5, upload: uploads.upload, files: files, ...options });
  fake.setLogin(server.login());
  return store;
}
const sentEvents = () => server.threads.flatMap((t) => t.events ?? []);
const kinds = () => sentEvents().map((e) => (e.type === 'file' ? `file ${e.url}` : e.type === 'message' ? e.text : e.type));

beforeEach(() => {
  fake = createFakeClient();
  server = createFakeServer(fake, { groupOnline: true });
  storage = memoryStorage();
  files = memoryFiles();
  uploads = fakeUpload();
});
afterEach(() => vi.useRealTimers());

describe('files in the outbox', () => {
  it('uploads a file, then sends its event with the URL; the outbox keeps its name, type and size, never its bytes', async () => {
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.attach([file('notes.txt', 'hello')]);
    await flush();
    const [entry] = store.state.value.outbox;
    expect(entry).toMatchObject({ status: 'queued', file: { name: 'notes.txt', type: 'text/plain', size: 5 }, event: { type: 'file', url: '' } });
    expect(JSON.parse(storage.map.get('chatlet_outbox_1')!)).toEqual([
      { customId: entry!.customId, event: { type: 'file', url: '', recipients: 'all', custom_id: entry!.customId }, createdAt: expect.any(Number), file: { name: 'notes.txt', type: 'text/plain', size: 5 } },
    ]);
    expect(files.kept.has(entry!.customId)).toBe(true);
    expect(uploads.calls).toHaveLength(1);
    expect(await uploads.calls[0]!.file.text()).toBe('hello');
    expect(uploads.calls[0]!.options.name).toBe('notes.txt');
    expect(fake.calls('start_chat')).toEqual([]);
    uploads.calls[0]!.options.onProgress!(50, 100);
    expect(store.uploadProgress.value).toEqual({ [entry!.customId]: 0.5 });
    uploads.calls[0]!.resolve('https://files.test/notes.txt');
    await flush();
    expect(store.uploadProgress.value).toEqual({});
    expect(fake.calls('start_chat')).toEqual([
      { chat: { thread: { events: [{ type: 'file', url: 'https://files.test/notes.txt', recipients: 'all', custom_id: entry!.customId }] } } },
    ]);
    expect(store.state.value.outbox).toEqual([]);
    expect(files.kept.size).toBe(0);
    expect(storage.map.has('chatlet_outbox_1')).toBe(false);
    store.dispose();
  });

  it('sends files in order, and a text sent after a file waits behind it', async () => {
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.attach([file('a.txt', 'a'), file('b.txt', 'b')]);
    void store.actions.send('after both');
    await flush();
    expect(uploads.calls.map((c) => c.options.name)).toEqual(['a.txt']);
    uploads.calls[0]!.resolve('https://f/a');
    await flush();
    expect(uploads.calls.map((c) => c.options.name)).toEqual(['a.txt', 'b.txt']);
    expect(kinds()).toEqual(['file https://f/a']);
    uploads.calls[1]!.resolve('https://f/b');
    await flush();
    expect(kinds()).toEqual(['file https://f/a', 'file https://f/b', 'after both']);
    expect(store.timeline.value.map((i) => i.status)).toEqual(['sent', 'sent', 'sent']);
    store.dispose();
  });

  it('refuses an empty file and one over maxFileSize at once, without uploading; Retry passes them by, Remove takes them away', async () => {
    const store = page({ maxFileSize: 4 });
    await store.actions.connect();
    await flush();
    await store.actions.attach([file('empty.txt', ''), file('big.txt', '12345')]);
    await flush();
    expect(store.timeline.value.map((i) => [i.event.type === 'file' && i.event.name, i.status, i.error])).toEqual([
      ['empty.txt', 'failed', 'file_empty'],
      ['big.txt', 'failed', 'file_too_large'],
    ]);
    void store.actions.send('still sent');
    await flush();
    const big = store.state.value.outbox.find((e) => e.file?.name === 'big.txt')!;
    await store.actions.retry(big.customId);
    await flush();
    expect(uploads.calls).toEqual([]);
    expect(kinds()).toEqual(['still sent']);
    expect(store.state.value.outbox.map((e) => [e.file?.name, e.status])).toEqual([
      ['empty.txt', 'failed'],
      ['big.txt', 'failed'],
    ]);
    for (const e of store.state.value.outbox) store.actions.remove(e.customId);
    expect(store.state.value.outbox).toEqual([]);
    store.dispose();
  });

  it("marks a file the server refuses failed with the server's error, and Retry uploads it again", async () => {
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.attach([file('x.exe', 'MZ')]);
    await flush();
    uploads.calls[0]!.reject(new RtmError('validation', '`file` is not allowed'));
    await flush();
    const [entry] = store.state.value.outbox;
    expect(entry).toMatchObject({ status: 'failed', error: 'validation' });
    expect(files.kept.has(entry!.customId)).toBe(true);
    void store.actions.retry(entry!.customId);
    await flush();
    expect(uploads.calls).toHaveLength(2);
    uploads.calls[1]!.resolve('https://f/x');
    await flush();
    expect(kinds()).toEqual(['file https://f/x']);
    store.dispose();
  });

  it('retries an upload that could not reach the server with backoff, then asks the visitor to retry', async () => {
    vi.useFakeTimers();
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.attach([file('net.txt', 'n')]);
    await flush();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(uploads.calls).toHaveLength(attempt);
      uploads.calls[attempt - 1]!.reject(new RtmError('network_error', 'unreachable'));
      await flush();
      await vi.advanceTimersByTimeAsync(40_000);
      await flush();
    }
    expect(uploads.calls).toHaveLength(5);
    const [entry] = store.state.value.outbox;
    expect(entry).toMatchObject({ status: 'failed', error: 'network_error' });
    void store.actions.retry(entry!.customId);
    await flush();
    expect(uploads.calls).toHaveLength(6);
    uploads.calls[5]!.resolve('https://f/net');
    await flush();
    expect(kinds()).toEqual(['file https://f/net']);
    store.dispose();
  });

  it('cancels an upload when the visitor removes the file, and goes on with what came after it', async () => {
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.attach([file('changed-my-mind.txt', 'c')]);
    void store.actions.send('but this goes');
    await flush();
    const [entry] = store.state.value.outbox;
    const signal = uploads.calls[0]!.options.signal!;
    store.actions.remove(entry!.customId);
    await flush();
    expect(signal.aborted).toBe(true);
    expect(kinds()).toEqual(['but this goes']);
    expect(files.kept.size).toBe(0);
    store.dispose();
  });

  it('finishes an upload across a dropped link and sends its event once, after the resync', async () => {
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.send('first');
    await flush();
    void store.actions.attach([file('across.txt', 'z')]);
    await flush();
    fake.drop();
    uploads.calls[0]!.resolve('https://f/across');
    await flush();
    expect(store.state.value.outbox[0]).toMatchObject({ status: 'queued', event: { url: 'https://f/across' } });
    expect(fake.calls('send_event')).toEqual([]);
    fake.online(server.login());
    await flush();
    expect(kinds()).toEqual(['first', 'file https://f/across']);
    expect(fake.calls('send_event')).toHaveLength(1);
    store.dispose();
  });

  it('restores a file waiting at a reload from the file store and sends it; without its bytes, asks to attach it again', async () => {
    const first = page();
    void first.actions.attach([file('kept.txt', 'k'), file('lost.txt', 'l')]);
    await flush();
    const [kept, lost] = first.state.value.outbox;
    first.dispose();
    files.kept.delete(lost!.customId);

    const second = page();
    await flush();
    expect(second.state.value.outbox.map((e) => [e.file?.name, e.status, e.error])).toEqual([
      ['kept.txt', 'queued', undefined],
      ['lost.txt', 'failed', 'file_missing'],
    ]);
    await second.actions.connect();
    await flush();
    expect(uploads.calls.map((c) => c.options.name)).toEqual(['kept.txt']);
    expect(await uploads.calls[0]!.file.text()).toBe('k');
    uploads.calls[0]!.resolve('https://f/kept');
    await flush();
    expect(kinds()).toEqual(['file https://f/kept']);
    expect(second.state.value.outbox.map((e) => e.customId)).toEqual([lost!.customId]);
    expect(kept).toBeDefined();
    // Retrying cannot bring its bytes back.
    await second.actions.retry(lost!.customId);
    await flush();
    expect(uploads.calls).toHaveLength(1);
    second.dispose();
  });

  it('shows an image waiting to be sent from an object URL, revoked once it is sent', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:preview-${created.push('x')}`);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
    const store = page();
    await store.actions.connect();
    await flush();
    void store.actions.attach([file('shot.png', 'png', 'image/png'), file('vector.svg', '<svg/>', 'image/svg+xml')]);
    await flush();
    const [png] = store.state.value.outbox;
    expect(store.previews.value).toEqual({ [png!.customId]: 'blob:preview-1' });
    uploads.calls[0]!.resolve('https://f/shot.png');
    await flush();
    expect(revoked).toEqual(['blob:preview-1']);
    expect(store.previews.value).toEqual({});
    store.dispose();
    vi.restoreAllMocks();
  });
});
