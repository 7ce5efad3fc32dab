// A visitor's files among their tabs: the tab that leads uploads every tab's files, from the bytes
// that came with the entry over the tabs' channel (IndexedDB is blocked here, so nothing else could
// carry them); a hand-over during an upload neither loses nor doubles the file.
import '../../../src/chat/attachments';
import '../../../src/chat/shared-files';
import { describe, expect, it } from 'vitest';
import type { Upload } from '../../../src/chat/attachments';
import type { FileStore } from '../../../src/chat/file-store';
import { RtmError } from '../../../src/protocol/rtm-error';
import type { UploadOptions } from '../../../src/protocol/upload-file';
import { deliver } from './fake-tabs';
import { memoryStorage, view } from './store-helpers';
import { visitor } from './tab-visitor';

interface Call {
  tab: string;
  file: Blob;
  options: UploadOptions;
  resolve(url: string): void;
  aborted: boolean;
}

/** Each tab's uploads, answered by the test; and a file store that keeps nothing, as where IndexedDB is blocked. */
function fakeFiles() {
  const calls: Call[] = [];
  const uploadOf =
    (tab: string): Upload =>
    (file, options) =>
      new Promise((resolve, reject) => {
        const call: Call = { tab, file, options, resolve: (url) => resolve({ url }), aborted: false };
        options.signal?.addEventListener('abort', () => {
          call.aborted = true;
          reject(new RtmError('aborted', 'The upload was cancelled'));
        });
        calls.push(call);
      });
  const blocked: FileStore = {
    put: async () => false,
    get: async () => undefined,
    delete: async () => undefined,
    prune: async () => undefined,
    close: () => undefined,
  };
  return { calls, options: (tab: string) => ({ upload: uploadOf(tab), files: blocked }) };
}

const fileEvents = (server: ReturnType<typeof visitor>['server']) =>
  server.threads.flatMap((t) => t.events ?? []).flatMap((e) => (e.type === 'file' ? [(e as { url: string }).url] : []));
const fileStatus = (store: { timeline: { value: { event: { type: string }; status: string }[] } }) =>
  store.timeline.value.filter((i) => i.event.type === 'file').map((i) => i.status);

async function threeTabs() {
  const v = visitor();
  const files = fakeFiles();
  const tabs = [];
  for (const name of ['a', 'b', 'c']) tabs.push(await v.open(memoryStorage(), files.options(name)));
  void tabs[0]!.store.actions.send('hi');
  await deliver();
  return { ...v, files, tabs: tabs as [(typeof tabs)[0], (typeof tabs)[0], (typeof tabs)[0]] };
}

describe("a visitor's files among their tabs", () => {
  it("uploads a follower's file once, from the leader, with the bytes that came with it; every tab shows it on its way and sent", async () => {
    const { server, files, tabs } = await threeTabs();
    const [, b] = tabs;
    void b.store.actions.attach([new File(['from tab b'], 'b.txt', { type: 'text/plain' })]);
    await deliver();
    expect(files.calls.map((c) => c.tab)).toEqual(['a']);
    expect(await files.calls[0]!.file.text()).toBe('from tab b');
    for (const t of tabs) expect(fileStatus(t.store)).toEqual(['pending']);
    const id = b.store.outbox.value[0]!.customId;
    files.calls[0]!.options.onProgress!(1, 4);
    await deliver();
    for (const t of tabs) expect(t.store.uploadProgress.value).toEqual({ [id]: 0.25 });
    files.calls[0]!.resolve('https://files.test/b.txt');
    await deliver();
    expect(fileEvents(server)).toEqual(['https://files.test/b.txt']);
    for (const t of tabs) expect([fileStatus(t.store), t.store.uploadProgress.value]).toEqual([['sent'], {}]);
  });

  it('hands an upload over with the lead: the next leader uploads the file again, and its event goes once', async () => {
    const { server, browser, files, tabs } = await threeTabs();
    const [a, b, c] = tabs;
    void c.store.actions.attach([new File(['kept'], 'c.txt', { type: 'text/plain' })]);
    await deliver();
    expect(files.calls.map((x) => x.tab)).toEqual(['a']);
    a.link.crash();
    a.store.dispose();
    await deliver(20);
    expect(browser.leader()).toBe(b.link.id);
    expect(files.calls.map((x) => x.tab)).toEqual(['a', 'b']);
    expect(await files.calls[1]!.file.text()).toBe('kept');
    files.calls[1]!.resolve('https://files.test/c.txt');
    await deliver();
    expect(fileEvents(server)).toEqual(['https://files.test/c.txt']);
    for (const t of [b, c]) expect(fileStatus(t.store)).toEqual(['sent']);
  });

  it('gives a tab that opens after a file was attached its bytes from the others, so it can upload it if it comes to lead', async () => {
    const v = await threeTabs();
    const { server, files, tabs } = v;
    const [a, b, c] = tabs;
    void b.store.actions.attach([new File(['late'], 'late.txt', { type: 'text/plain' })]);
    await deliver();
    const d = await v.open(memoryStorage(), files.options('d'));
    await deliver();
    for (const t of [a, b, c]) {
      t.link.crash();
      t.store.dispose();
    }
    await deliver(20);
    expect(files.calls.map((x) => x.tab)).toEqual(['a', 'd']);
    expect(await files.calls[1]!.file.text()).toBe('late');
    files.calls[1]!.resolve('https://files.test/late.txt');
    await deliver();
    expect(fileEvents(server)).toEqual(['https://files.test/late.txt']);
    expect(view(d.store).at(-1)).toEqual(['file', 'sent']);
  });

  it("stops the leader's upload when the visitor removes the file in another tab", async () => {
    const { server, files, tabs } = await threeTabs();
    const [, b, c] = tabs;
    void b.store.actions.attach([new File(['oops'], 'oops.txt', { type: 'text/plain' })]);
    await deliver();
    c.store.actions.remove(c.store.outbox.value[0]!.customId);
    await deliver();
    expect(files.calls.map((x) => [x.tab, x.aborted])).toEqual([['a', true]]);
    for (const t of tabs) expect(fileStatus(t.store)).toEqual([]);
    expect(fileEvents(server)).toEqual([]);
  });

  it("relays a follower's upload access to the leader's connection", async () => {
    const { tabs } = await threeTabs();
    await expect(tabs[2].client.uploadAccess(true)).resolves.toEqual({ url: 'https://fake.test/upload_file', authorization: 'Bearer fake-fresh' });
  });
});
