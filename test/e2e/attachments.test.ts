// A visitor's files in Chromium, through the script tag against the sandbox: picked with the attach
// button, dropped on the panel, pasted; each reaches the agent as a `file` event with its name, type
// and size, in order with the text around it. An 11 MB file is refused in plain words and nothing is
// sent; a socket cut or an upload cut on the way, and a reload with a file waiting, end with the file
// delivered once; without IndexedDB the reload asks to attach again; a hostile name is text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { web } from '../sandbox/agent-helpers';
import { png } from '../sandbox/file-helpers';
import { launchBrowser, removeDir, startStaticServer, type StaticServer } from './helpers';
import { axeWidget, until } from './journey-helpers';

let server: Sandbox;
let site: StaticServer;
let browser: Browser;
let pages: string;

// Group 0 with no agent online has no prechat form (it takes messages), so the composer shows at once.
const page = (attributes = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>A shop</h1>
<script async src="/dist/chatlet.js" data-license-id="12345" data-api-url="${server.wsUrl}" data-accounts-url="${server.url}" ${attributes}></script>
</body></html>`;

beforeAll(async () => {
  server = await startSandbox({ port: 0, control: true });
  pages = mkdtempSync(join(tmpdir(), 'chatlet-files-'));
  writeFileSync(join(pages, 'shop.html'), page());
  writeFileSync(join(pages, 'no-files.html'), page('data-attachments="false"'));
  site = await startStaticServer({ mounts: { '/files/': pages } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  if (pages) removeDir(pages);
});

interface Visitor {
  context: BrowserContext;
  page: Page;
  widget: Locator;
  errors: string[];
  /** upload_file requests the page made. */
  uploads: string[];
  /** The files of dist/ the page fetched. */
  chunks: string[];
}

async function visit(path = 'shop.html', context?: BrowserContext): Promise<Visitor> {
  context ??= await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const uploads: string[] = [];
  const chunks: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => r.url().includes('/upload_file') && uploads.push(r.url()));
  page.on('request', (r) => r.url().includes('/dist/') && chunks.push(new URL(r.url()).pathname));
  await page.goto(`${site.url}/files/${path}`);
  const v = { context, page, widget: page.locator('chatlet-widget'), errors, uploads, chunks };
  await openChat(v);
  return v;
}

/**
 * Clicks the launcher once it is there (the page's, or the chat's that replaces it) and waits for the
 * composer; after a reload the panel may open by itself (it was open a moment ago).
 */
async function openChat(v: Pick<Visitor, 'widget'>): Promise<void> {
  const launcher = v.widget.locator('button[aria-label="Open chat"]');
  const input = v.widget.locator('textarea');
  // The page's launcher is replaced by the chat's, which may open the panel itself: a click that finds
  // its button gone is tried again only while the panel is still closed.
  await until(async () => {
    if (await input.isVisible()) return true;
    if (await launcher.isVisible()) await launcher.click({ timeout: 1000 }).catch(() => undefined);
    return false;
  }, 'the chat open', 20_000);
}

/** Every file and message event the server has, with its text or file fields, from every chat. */
function serverEvents(): { type: string; text?: string; name?: string; content_type?: string; size?: number; custom_id?: string; chatId: string }[] {
  return [...server.store.chats.values()].flatMap((chat) =>
    chat.threads.flatMap((t) => t.events.filter((e) => e.type === 'file' || e.type === 'message').map((e) => ({ ...(e as object), chatId: chat.id }) as never)),
  );
}
const filesNamed = (name: string) => serverEvents().filter((e) => e.type === 'file' && e.name === name);

describe('a visitor sends files', () => {
  it('picks one with the attach button: the agent gets it as a file event, the widget shows it as a download', async () => {
    const v = await visit();
    // The parts load on idle once the panel is usable; the files' code is not among them.
    await until(() => v.chunks.some((c) => c.includes('-MessageList-')), 'the parts loaded on idle');
    const filesCode = () => v.chunks.filter((c) => /-(attachments|Attachment)-/.test(c));
    expect(filesCode()).toEqual([]);
    const button = v.widget.getByRole('button', { name: 'Attach a file' });
    const [chooser] = await Promise.all([v.page.waitForEvent('filechooser'), button.click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('espresso, please') });
    const [event] = await until(() => filesNamed('notes.txt').length > 0 && filesNamed('notes.txt'), 'the file on the server');
    expect(event).toMatchObject({ name: 'notes.txt', content_type: 'text/plain', size: 16 });
    expect(event!.custom_id).toBeTruthy();
    // As the agent reads it through the agent API.
    const { body } = await web(server, 'get_chat_threads', { chat_id: event!.chatId });
    const seen = body.chat.threads.flatMap((t: { events: { type: string }[] }) => t.events).find((e: { type: string }) => e.type === 'file');
    expect(seen).toMatchObject({ name: 'notes.txt', content_type: 'text/plain', size: 16, custom_id: event!.custom_id });
    await v.widget.getByRole('link', { name: 'Download notes.txt' }).waitFor();
    expect(filesNamed('notes.txt')).toHaveLength(1);
    expect(filesCode()).toContainEqual(expect.stringMatching(/^\/dist\/chatlet-embed-attachments-/));
    expect(v.errors).toEqual([]);
    await v.context.close();
  });

  it('takes files dropped on the panel, with a drop target while they are over it, in order with the text typed after', async () => {
    const v = await visit();
    const transfer = await v.page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File(['first'], 'drop-1.txt', { type: 'text/plain' }));
      t.items.add(new File(['%PDF-1.4 second'], 'drop-2.pdf', { type: 'application/pdf' }));
      return t;
    });
    const panel = v.widget.locator('section.panel');
    await panel.dispatchEvent('dragenter', { dataTransfer: transfer });
    await panel.dispatchEvent('dragover', { dataTransfer: transfer });
    await v.widget.getByText('Drop files here to send them').waitFor();
    await panel.dispatchEvent('drop', { dataTransfer: transfer });
    await v.widget.getByText('Drop files here to send them').waitFor({ state: 'detached' });
    const input = v.widget.locator('textarea');
    await input.fill('and a note after them');
    await input.press('Enter');
    const chat = await until(() => serverEvents().find((e) => e.text === 'and a note after them')?.chatId, 'the text on the server');
    const order = serverEvents()
      .filter((e) => e.chatId === chat)
      .map((e) => [e.type, e.name ?? e.text, e.content_type, e.size]);
    expect(order).toEqual([
      ['file', 'drop-1.txt', 'text/plain', 5],
      ['file', 'drop-2.pdf', 'application/pdf', 15],
      ['message', 'and a note after them', undefined, undefined],
    ]);
    await v.widget.getByRole('link', { name: 'Download drop-2.pdf' }).waitFor();
    expect(v.errors).toEqual([]);
    await v.context.close();
  });

  it('attaches an image pasted into the message input and shows its thumbnail once sent', async () => {
    const v = await visit();
    const input = v.widget.locator('textarea');
    await input.fill('see the picture');
    await input.evaluate((el, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [...png(64, 48)]);
    const [event] = await until(() => filesNamed('image.png').length > 0 && filesNamed('image.png'), 'the image on the server');
    expect(event).toMatchObject({ content_type: 'image/png', size: png(64, 48).length, width: 64, height: 48 });
    const thumb = v.widget.locator('a.img img[alt="Image image.png"]');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(64);
    expect(await thumb.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    // The typed text stays where it was.
    expect(await input.inputValue()).toBe('see the picture');
    expect(v.errors).toEqual([]);
    await v.context.close();
  });

  it('refuses an 11 MB file in plain words and sends nothing; the typed text is untouched; Remove takes it away', async () => {
    const v = await visit();
    const input = v.widget.locator('textarea');
    await input.fill('half-typed');
    await v.widget.locator('input[type=file]').setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(11 * 1024 * 1024) });
    const alert = v.widget.getByRole('alert').filter({ hasText: 'This file is larger than 10 MB.' });
    await alert.waitFor();
    expect(await alert.getByRole('button', { name: 'Retry sending huge.bin' }).count()).toBe(0);
    await v.page.waitForTimeout(300);
    expect(v.uploads).toEqual([]);
    expect(filesNamed('huge.bin')).toEqual([]);
    expect(await input.inputValue()).toBe('half-typed');
    // By keyboard; focus then goes on to the message input.
    await alert.getByRole('button', { name: 'Remove huge.bin' }).focus();
    await v.page.keyboard.press('Enter');
    await alert.waitFor({ state: 'detached' });
    expect(await v.widget.getByText('huge.bin').count()).toBe(0);
    expect(await v.page.evaluate(() => document.querySelector('chatlet-widget')!.shadowRoot!.activeElement?.tagName)).toBe('TEXTAREA');
    await v.context.close();
  });

  it('delivers a file once when the socket is cut during its upload, and when the upload itself is cut once', async () => {
    const v = await visit();
    let calls = 0;
    await v.page.route('**/upload_file*', async (route) => {
      if (++calls === 1) return route.abort('connectionreset');
      // The second try: the socket goes while the bytes travel.
      server.control!.drop((c) => c.kind === 'customer');
      await route.continue();
    });
    await v.widget.locator('input[type=file]').setInputFiles({ name: 'cut.txt', mimeType: 'text/plain', buffer: Buffer.from('still here') });
    await until(() => filesNamed('cut.txt').length > 0, 'the file on the server', 20_000);
    await v.widget.getByRole('link', { name: 'Download cut.txt' }).waitFor();
    await v.page.waitForTimeout(500);
    expect(calls).toBe(2);
    expect(filesNamed('cut.txt')).toHaveLength(1);
    expect(await v.widget.getByText('cut.txt').count()).toBe(1);
    await v.context.close();
  });

  it("delivers a file once when the answer to its file event is lost with the socket", async () => {
    const v = await visit();
    server.control!.dropOnResponse(['send_event', 'start_chat']);
    await v.widget.locator('input[type=file]').setInputFiles({ name: 'echo.txt', mimeType: 'text/plain', buffer: Buffer.from('once') });
    await v.widget.getByRole('link', { name: 'Download echo.txt' }).waitFor({ timeout: 20_000 });
    await v.page.waitForTimeout(500);
    expect(filesNamed('echo.txt')).toHaveLength(1);
    expect(await v.widget.getByText('echo.txt').count()).toBe(1);
    await v.context.close();
  });

  it('keeps a file waiting through a reload (IndexedDB) and delivers it once', async () => {
    const v = await visit();
    // The upload never answers on this page: the file is still waiting when it reloads.
    await v.page.route('**/upload_file*', () => undefined);
    await v.widget.locator('input[type=file]').setInputFiles({ name: 'kept.png', mimeType: 'image/png', buffer: png(40, 30) });
    // In the conversation's live region, which announces it.
    const bar = v.widget.locator('[role=log][aria-live=polite]').getByRole('progressbar', { name: 'Uploading kept.png' });
    await bar.waitFor();
    expect(await bar.evaluate((el: HTMLProgressElement) => el.max)).toBe(100);
    await v.widget.getByRole('button', { name: 'Cancel sending kept.png' }).waitFor();
    // Its thumbnail, from the bytes in the page.
    expect(await v.widget.locator('img.pic').getAttribute('src')).toMatch(/^blob:/);
    const axe = await axeWidget(v.page);
    expect(axe.violations).toEqual([]);
    expect(axe.checked).toBeGreaterThan(10);
    await until(() => v.page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('chatlet-files');
      open.onsuccess = () => {
        const count = open.result.transaction('files').objectStore('files').count();
        count.onsuccess = () => resolve(count.result);
      };
    })), 'the file in IndexedDB');
    await v.page.unroute('**/upload_file*');
    await v.page.reload();
    await openChat(v);
    await v.widget.getByRole('link', { name: 'Download kept.png' }).or(v.widget.locator('img[alt="Image kept.png"]')).first().waitFor({ timeout: 20_000 });
    await until(() => filesNamed('kept.png').length > 0, 'the file on the server');
    await v.page.waitForTimeout(500);
    expect(filesNamed('kept.png')).toHaveLength(1);
    expect(filesNamed('kept.png')[0]).toMatchObject({ content_type: 'image/png', width: 40, height: 30 });
    await v.context.close();
  });

  it('without IndexedDB, a file waiting through a reload asks to be attached again, and nothing is sent', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    const v = await visit('shop.html', context);
    await v.page.route('**/upload_file*', () => undefined);
    await v.widget.locator('input[type=file]').setInputFiles({ name: 'gone.txt', mimeType: 'text/plain', buffer: Buffer.from('bytes') });
    await v.widget.getByRole('progressbar', { name: 'Uploading gone.txt' }).waitFor();
    await v.page.reload();
    await openChat(v);
    const alert = v.widget.getByRole('alert').filter({ hasText: 'This file was lost when the page reloaded. Please attach it again.' });
    await alert.waitFor();
    expect(await alert.getByText('gone.txt').count()).toBe(0);
    await v.widget.getByText('gone.txt').waitFor();
    expect(filesNamed('gone.txt')).toEqual([]);
    await alert.getByRole('button', { name: 'Remove gone.txt' }).click();
    await alert.waitFor({ state: 'detached' });
    await context.close();
  });

  it('renders a hostile file name as text, on the way and once sent', async () => {
    const v = await visit();
    // No double quote: the browser writes it as %22 in the upload's multipart header.
    const name = `<img src=x onerror=document.title='pwned'>.txt`;
    await v.widget.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('x') });
    await v.widget.getByRole('link', { name: `Download ${name}` }).waitFor();
    expect(await v.widget.locator('.log img').count()).toBe(0);
    expect(await v.widget.getByText(name).count()).toBe(1);
    expect(await v.page.title()).toBe('Shop');
    await v.context.close();
  });

  it('with attachments off: no attach button, and drops and pastes are refused', async () => {
    const v = await visit('no-files.html');
    expect(await v.widget.getByRole('button', { name: 'Attach a file' }).count()).toBe(0);
    expect(await v.widget.locator('input[type=file]').count()).toBe(0);
    const panel = v.widget.locator('section.panel');
    const transfer = await v.page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File(['x'], 'refused.txt', { type: 'text/plain' }));
      return t;
    });
    await panel.dispatchEvent('dragover', { dataTransfer: transfer });
    expect(await transfer.evaluate((t) => t.dropEffect)).toBe('none');
    await panel.dispatchEvent('drop', { dataTransfer: transfer });
    const pasted = await v.widget.locator('textarea').evaluate((el) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'refused.png', { type: 'image/png' }));
      return el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(pasted).toBe(true);
    await v.page.waitForTimeout(300);
    expect(await v.widget.getByText(/refused/).count()).toBe(0);
    expect(v.uploads).toEqual([]);
    await v.context.close();
  });
});
