// The demo's agent console in Chromium with a visitor's files: an image shows as a thumbnail that
// opens the full image in a new tab, a hostile name stays text, and the agent's own file goes out
// through the Web API's send_file and reaches the visitor as a `file` event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { startDemo } from '../../demo/site/start-demo';
import type { Demo } from '../../demo/site/start-demo';
import { fileForm, png, uploadFile } from '../sandbox/file-helpers';
import { LICENSE, loginCustomer } from '../sandbox/helpers';
import type { TestClient } from '../sandbox/helpers';
import { launchBrowser } from './helpers';

let demo: Demo;
let browser: Browser;
let page: Page;
let customer: TestClient;
let chatId: string;

beforeAll(async () => {
  demo = await startDemo({ port: 0, sandboxPort: 0, bot: false, log: () => undefined });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(demo.agentUrl);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Online').waitFor();
  const visitor = await loginCustomer(demo.sandbox, { customer: { name: 'Fay' } });
  customer = visitor.client;
  const started = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'Here are my files' }] } } });
  chatId = started.payload.chat.id;
  const send = async (name: string, type: string, bytes: Uint8Array | string) => {
    const token = demo.sandbox.issueCustomerToken(LICENSE, visitor.customerId).access_token;
    const { body } = await uploadFile(demo.sandbox, token, fileForm(name, type, bytes));
    expect((await customer.request('send_event', { chat_id: chatId, event: { type: 'file', url: body.url } })).success).toBe(true);
  };
  await send('latte.png', 'image/png', png(300, 150));
  await send("<img src=x onerror=document.title='pwned'>.pdf", 'application/pdf', '%PDF-1.4');
  await page.getByRole('button', { name: /Fay/ }).click();
});
afterAll(async () => {
  await customer?.close();
  await browser?.close();
  await demo?.close();
});

describe('agent console: files', () => {
  it("shows the visitor's image as a thumbnail opening the full image in a new tab", async () => {
    const thumb = page.locator('.timeline figure.file-image');
    await thumb.waitFor();
    const img = thumb.locator('img[alt="latte.png"]');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(300);
    expect(await img.getAttribute('width')).toBe('240');
    await expect.poll(() => thumb.locator('figcaption').textContent()).toMatch(/^latte\.png · \d+ B$/);
    const [popup] = await Promise.all([page.waitForEvent('popup'), thumb.locator('a').click()]);
    expect(popup.url()).toMatch(/\/files\/[0-9a-f]{24}\/latte\.png$/);
    await popup.close();
  });

  it('shows another file as a download link whose hostile name is text', async () => {
    const link = page.locator('.timeline .text.file a');
    await link.waitFor();
    expect(await link.textContent()).toBe("<img src=x onerror=document.title='pwned'>.pdf");
    expect(await page.locator('.timeline .text.file img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
  });

  it("sends the agent's file with send_file, and the visitor gets it as a file event", async () => {
    await page.locator('.composer input[type=file]').setInputFiles({ name: 'menu.txt', mimeType: 'text/plain', buffer: Buffer.from('espresso 3.00') });
    const pushed = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'file' && f.payload.event.author_id === 'agent@chatlet.test', 10_000);
    expect(pushed.payload.event).toMatchObject({ name: 'menu.txt', content_type: 'text/plain', size: 13 });
    await page.locator('.timeline .event.me .text.file a', { hasText: 'menu.txt' }).waitFor();
    expect(await page.getByRole('button', { name: 'Send a file' }).isEnabled()).toBe(true);
  });
});
