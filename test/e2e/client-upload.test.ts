// chatlet/client's uploadFile in Chromium against the sandbox: the real XMLHttpRequest with its
// CORS preflight (Authorization) from another origin, the upload code's chunk loaded from dist on
// the first upload, progress, the file event the server fills in, and errors as typed RtmErrors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { png } from '../sandbox/file-helpers';
import { launchBrowser, sandbox, startStaticServer, type StaticServer } from './helpers';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;

beforeAll(async () => {
  server = await sandbox();
  site = await startStaticServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

async function open(): Promise<{ page: Page; chunks: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const chunks: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => r.url().includes('/dist/client') && chunks.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}/client.html`);
  await page.waitForFunction(() => 'chatletClient' in window);
  return { page, chunks, errors };
}

describe('chatlet/client uploadFile in a browser', () => {
  it('uploads an image with progress, loading its code on the first call, and the file event gets its fields', async () => {
    const { page, chunks, errors } = await open();
    expect(chunks).toEqual(['/dist/client.mjs']);
    const bytes = [...png(120, 80)];
    const result = await page.evaluate(
      async ({ ws, http, bytes }) => {
        const { createCustomerClient } = (window as any).chatletClient;
        const client = createCustomerClient({ licenseId: 12345, apiUrl: ws, accountsUrl: http });
        const progress: number[][] = [];
        const file = new File([new Uint8Array(bytes)], 'shot <1>.png', { type: 'image/png' });
        const { url } = await client.uploadFile(file, { onProgress: (sent: number, total: number) => progress.push([sent, total]) });
        await client.connect();
        const started = await client.startChat({ continuous: true, chat: { thread: { events: [{ type: 'file', url, custom_id: 'f1' }] } } });
        const event = started.chat.thread.events[0];
        const image = new Image();
        image.src = event.thumbnail_url;
        await image.decode();
        client.close();
        return { url, progress, event, natural: [image.naturalWidth, image.naturalHeight] };
      },
      { ws: server.wsUrl, http: server.url, bytes },
    );
    expect(result.url).toMatch(new RegExp(`^${server.url}/files/[0-9a-f]{24}/shot_1_\\.png$`));
    expect(result.progress.length).toBeGreaterThan(0);
    const [sent, total] = result.progress.at(-1)!;
    expect(sent).toBe(total);
    expect(total).toBeGreaterThan(bytes.length);
    expect(result.event).toMatchObject({ type: 'file', name: 'shot <1>.png', content_type: 'image/png', size: bytes.length, width: 120, height: 80 });
    expect(result.natural).toEqual([120, 80]);
    expect(chunks).toEqual(['/dist/client.mjs', '/dist/client-upload-file.mjs']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("rejects with the server's error as an RtmError: a file over 10 MB, an empty one, a refused token", async () => {
    const { page } = await open();
    const result = await page.evaluate(
      async ({ ws, http }) => {
        const { createCustomerClient, RtmError } = (window as any).chatletClient;
        const describe = (e: any) => ({ rtm: e instanceof RtmError, type: e.type, message: e.message });
        const client = createCustomerClient({ licenseId: 12345, apiUrl: ws, accountsUrl: http });
        const big = await client.uploadFile(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.bin')).catch(describe);
        const empty = await client.uploadFile(new File([], 'empty.txt')).catch(describe);
        const forged = createCustomerClient({
          licenseId: 12345,
          apiUrl: ws,
          // Memory only: the first client's token, cached in localStorage, would be used instead.
          storage: null,
          getToken: async () => ({ accessToken: 'dal:forged', entityId: 'x', expiresIn: 3600, tokenType: 'Bearer' }),
        });
        const refused = await forged.uploadFile(new Blob(['x'])).catch(describe);
        const unreachable = createCustomerClient({ licenseId: 12345, apiUrl: 'ws://127.0.0.1:9', accountsUrl: http });
        const offline = await unreachable.uploadFile(new Blob(['x'])).catch(describe);
        for (const c of [client, forged, unreachable]) c.close();
        return { big, empty, refused, offline };
      },
      { ws: server.wsUrl, http: server.url },
    );
    expect(result.big).toEqual({ rtm: true, type: 'validation', message: '`file` is over 10 MB' });
    expect(result.empty).toEqual({ rtm: true, type: 'validation', message: '`file` is empty' });
    expect(result.refused).toEqual({ rtm: true, type: 'authentication', message: 'invalid access token' });
    expect(result.offline).toMatchObject({ rtm: true, type: 'network_error' });
    await page.close();
  });
});
