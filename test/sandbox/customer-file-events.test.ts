// A customer's `file` event (seed 002 "File") after upload_file: the server fills in the file's
// fields, refuses any URL that is not one of this customer's uploads, and the one file store
// (which the agent API's send_file/upload_image use too) stays within its memory bound.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT_TOKEN, chatWithAgent, web } from './agent-helpers';
import { fileForm, png, uploadFile } from './file-helpers';
import { LICENSE, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
afterEach(() => sandbox.close());

/** Uploads as the customer with this entity id (a fresh token for it) and returns the url. */
async function upload(customerId: string, name: string, type: string, bytes: Uint8Array | string): Promise<string> {
  const token = sandbox.issueCustomerToken(LICENSE, customerId).access_token;
  const res = await uploadFile(sandbox, token, fileForm(name, type, bytes));
  expect(res.status).toBe(200);
  return res.body.url as string;
}

const sendFile = (client: TestClient, chatId: string, event: Frame) => client.request('send_event', { chat_id: chatId, event: { type: 'file', ...event } });

describe('file events', () => {
  it("fill in an image's name, type, size, dimensions and thumbnails, whatever the customer wrote", async () => {
    sandbox = await startTestSandbox();
    const { agent, customer, customerId, chatId } = await chatWithAgent(sandbox);
    const bytes = png(64, 48);
    const url = await upload(customerId, 'screenshot.png', 'image/png', bytes);
    const sent = await sendFile(customer, chatId, { url, custom_id: 'f1', name: 'lie.exe', content_type: 'text/html', size: 1, width: 9999 });
    expect(sent.success).toBe(true);
    const expected = {
      type: 'file',
      custom_id: 'f1',
      author_id: customerId,
      name: 'screenshot.png',
      url,
      content_type: 'image/png',
      size: bytes.length,
      width: 64,
      height: 48,
      thumbnail_url: `${url}?size=300`,
      thumbnail2x_url: `${url}?size=600`,
    };
    expect(sent.payload.event).toMatchObject(expected);
    expect((await agent.next((f) => f.action === 'incoming_event' && f.payload.event.custom_id === 'f1')).payload.event).toMatchObject(expected);
    // The thumbnail URLs serve the image too.
    expect(new Uint8Array(await (await fetch(expected.thumbnail_url)).arrayBuffer())).toEqual(new Uint8Array(bytes));
  });

  it('are filled in the same in the released dialect, whose send_event answers only the id', async () => {
    sandbox = await startTestSandbox({ dialect: 'released' });
    const { agent, customer, customerId, chatId } = await chatWithAgent(sandbox);
    const url = await upload(customerId, 'cup.png', 'image/png', png(8, 6));
    const sent = await sendFile(customer, chatId, { url, custom_id: 'r1' });
    expect(sent.payload).toEqual({ event_id: expect.any(String) });
    const pushed = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.custom_id === 'r1');
    expect(pushed.payload.event).toMatchObject({ id: sent.payload.event_id, name: 'cup.png', content_type: 'image/png', width: 8, height: 6, created_at: expect.any(String) });
    expect((await agent.next((f) => f.action === 'incoming_event' && f.payload.event.custom_id === 'r1')).payload.event).toMatchObject({ name: 'cup.png', width: 8 });
  });

  it('give other files no image fields, and keep a hostile name as plain data', async () => {
    sandbox = await startTestSandbox();
    const { customer, customerId, chatId } = await chatWithAgent(sandbox);
    const name = '<img src=x onerror=alert(1)>.pdf';
    const url = await upload(customerId, name, 'application/pdf', '%PDF-1.4');
    const { payload } = await sendFile(customer, chatId, { url });
    expect(payload.event).toMatchObject({ name, url, content_type: 'application/pdf', size: 8 });
    for (const key of ['width', 'height', 'thumbnail_url', 'thumbnail2x_url']) expect(payload.event).not.toHaveProperty(key);
  });

  it('are filled in among start_chat initial events too', async () => {
    sandbox = await startTestSandbox();
    const { client: customer, customerId } = await loginCustomer(sandbox);
    const url = await upload(customerId, 'a.txt', 'text/plain', 'abc');
    const started = await customer.request('start_chat', { continuous: true, chat: { thread: { events: [{ type: 'message', text: 'see file' }, { type: 'file', url }] } } });
    expect(started.success).toBe(true);
    expect(started.payload.chat.thread.events[1]).toMatchObject({ type: 'file', name: 'a.txt', size: 3, content_type: 'text/plain' });
    const foreign = await customer.request('start_chat', { continuous: true, chat: { thread: { events: [{ type: 'file', url: 'https://example.com/a.txt' }] } } });
    expect(foreign.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('`chat.thread.events[0].url`') });
  });

  it("refuse a URL that is not one of this customer's uploads", async () => {
    sandbox = await startTestSandbox();
    const { customer, customerId, chatId } = await chatWithAgent(sandbox);
    const other = await loginCustomer(sandbox);
    const mine = await upload(customerId, 'mine.txt', 'text/plain', 'mine');
    const theirs = await upload(other.customerId, 'theirs.txt', 'text/plain', 'theirs');
    const agentForm = new FormData();
    agentForm.append('payload.image', new Blob([new Uint8Array(png(1, 1))], { type: 'image/png' }), 'agent.png');
    const agents = (await web(sandbox, 'upload_image', agentForm, AGENT_TOKEN)).body.url as string;
    const origin = new URL(mine).origin;
    for (const url of [
      'https://example.com/cat.png',
      theirs,
      agents,
      `${mine}?x=1`,
      mine.replace(/\/files\/[0-9a-f]+\//, '/files/0123456789abcdef01234567/'),
      mine.replace(origin, 'http://attacker.example'),
      `${origin}/files/`,
    ]) {
      const refused = await sendFile(customer, chatId, { url, custom_id: url });
      expect(refused.payload.error, url).toMatchObject({ type: 'validation', message: expect.stringContaining('`event.url` is not a file you uploaded') });
    }
    expect((await sendFile(customer, chatId, {})).payload.error.type).toBe('validation');
    expect((await sendFile(customer, chatId, { url: mine })).success).toBe(true);
    // Sending the same upload again is fine: it is still this customer's.
    expect((await sendFile(customer, chatId, { url: mine })).success).toBe(true);
  });
});

describe('the file store', () => {
  it('drops the oldest unused uploads first when over its bound, then the oldest used ones', async () => {
    sandbox = await startTestSandbox({ maxFileBytes: 100 });
    const { customer, customerId, chatId } = await chatWithAgent(sandbox);
    const a = await upload(customerId, 'a.txt', 'text/plain', 'a'.repeat(40));
    const b = await upload(customerId, 'b.txt', 'text/plain', 'b'.repeat(40));
    expect((await sendFile(customer, chatId, { url: a })).success).toBe(true);
    const c = await upload(customerId, 'c.txt', 'text/plain', 'c'.repeat(40));
    const status = async (url: string) => (await fetch(url)).status;
    // 120 bytes > 100: b (unused) goes, a (in an event) stays although it is older.
    expect([await status(a), await status(b), await status(c)]).toEqual([200, 404, 200]);
    expect(sandbox.store.fileBytes).toBe(80);
    // A sent event with a dropped upload is refused like any unknown URL.
    expect((await sendFile(customer, chatId, { url: b })).payload.error.type).toBe('validation');
    const d = await upload(customerId, 'd.txt', 'text/plain', 'd'.repeat(90));
    // 170 bytes: c (unused) goes first; still 130, so a (used, oldest) goes too; d stays.
    expect([await status(a), await status(c), await status(d)]).toEqual([404, 404, 200]);
    expect(sandbox.store.fileBytes).toBe(90);
    expect(sandbox.store.files.size).toBe(1);
  });

  it("is shared with the agent API: send_file's image event has the same fields, and counts toward the bound", async () => {
    sandbox = await startTestSandbox({ maxFileBytes: 1_000_000 });
    const { customer, chatId } = await chatWithAgent(sandbox);
    const bytes = png(20, 10);
    const form = new FormData();
    form.append('payload.chat_id', chatId);
    form.append('payload.file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'reply.png');
    const sent = await web(sandbox, 'send_file', form, AGENT_TOKEN);
    expect(sent.status).toBe(200);
    const pushed = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'file');
    expect(pushed.payload.event).toMatchObject({ name: 'reply.png', url: sent.body.url, content_type: 'image/png', size: bytes.length, width: 20, height: 10 });
    expect(sandbox.store.fileBytes).toBe(bytes.length);
    expect([...sandbox.store.files.values()][0]).toMatchObject({ ownerId: 'agent@chatlet.test', referenced: true });
    const fake = new FormData();
    fake.append('payload.image', new Blob(['not a png'], { type: 'image/png' }), 'fake.png');
    expect((await web(sandbox, 'upload_image', fake, AGENT_TOKEN)).body.error).toMatchObject({ type: 'validation', message: expect.stringContaining('png, jpeg or gif') });
    expect(sandbox.store.files.size).toBe(1);
  });
});
