// The demo in Chromium, both sides of a visitor's image: the visitor attaches it in the widget on the
// Chatlet Coffee site, the agent console shows it as a thumbnail opening the full image, and the
// widget shows the server's thumbnail in place of its own preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { startDemo, type Demo } from '../../demo/site/start-demo';
import { png } from '../sandbox/file-helpers';
import { launchBrowser } from './helpers';

let demo: Demo;
let browser: Browser;
let agent: Page;

beforeAll(async () => {
  demo = await startDemo({ port: 0, sandboxPort: 0, bot: false, log: () => undefined });
  browser = await launchBrowser();
  agent = await browser.newPage();
  await agent.goto(demo.agentUrl);
  await agent.getByRole('button', { name: 'Log in' }).click();
  await agent.getByText('Online').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('a visitor’s image, both sides', () => {
  it('reaches the agent console as a thumbnail, and the widget shows the server’s thumbnail', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(demo.siteUrl);
    const widget = page.locator('chatlet-widget');
    await widget.locator('button[aria-label="Open chat"]').click();
    await widget.getByLabel(/^Name/).fill('Iris');
    await widget.getByRole('button', { name: 'Start the chat' }).click();
    const input = widget.locator('textarea');
    await input.waitFor();
    // Once the chat is there: the composer may render again while it starts, and a key pressed on a button
    // that is replaced between its down and up presses nothing.
    await expect.poll(() => page.evaluate(() => (window as any).chatlet('get', 'chat_data').chatId)).not.toBe('');

    // By keyboard: from the message input back to the attach button, which opens the file picker
    // (with Space: Chromium under Playwright opens no picker from a click that Enter made).
    await input.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await widget.locator('button:focus').getAttribute('aria-label')).toBe('Attach a file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    // Held on its way, so its row can be looked at.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/upload_file*', async (route) => {
      await held;
      await route.continue();
    });
    await chooser.setFiles({ name: 'latte art.png', mimeType: 'image/png', buffer: png(300, 200) });
    await widget.getByRole('progressbar', { name: 'Uploading latte art.png' }).waitFor();
    release();

    await agent.getByRole('button', { name: /Iris/ }).click();
    const thumb = agent.locator('.timeline figure.file-image');
    await thumb.waitFor();
    const img = thumb.locator('img[alt="latte art.png"]');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(300);

    const mine = widget.locator('a.img img[alt="Image latte art.png"]');
    await mine.waitFor();
    expect(await mine.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    await expect.poll(() => mine.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    const [full] = await Promise.all([page.waitForEvent('popup'), mine.click()]);
    expect(full.url()).toMatch(/\/files\/[0-9a-f]{24}\/latte_art\.png$/);
    await context.close();
  });
});
