// The customer Web API's upload_file over real HTTP (protocol-notes §2): what it answers, its
// limits and authentication in the seed's error shape, CORS for the widget's page (preflight
// included), and the headers each uploaded file is served back with.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { fileForm, gif, jpegHeader, png, uploadFile } from './file-helpers';
import { web } from './agent-helpers';
import { LICENSE, loginCustomer, startTestSandbox } from './helpers';

const TEN_MB = 10 * 1024 * 1024;
const PAGE = 'http://127.0.0.1:5173';

let sandbox: Sandbox;
let token: string;
let now = Date.now();

beforeEach(async () => {
  now = Date.now();
  sandbox = await startTestSandbox({ now: () => now });
  token = sandbox.issueCustomerToken(LICENSE).access_token;
});
afterEach(() => sandbox.close());

describe('upload_file', () => {
  it('keeps the file and answers its url on the sandbox, which serves the same bytes', async () => {
    const res = await uploadFile(sandbox, token, fileForm('notes.txt', 'text/plain', 'hello file'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: expect.stringMatching(new RegExp(`^${sandbox.url}/files/[0-9a-f]{24}/notes\\.txt$`)) });
    const file = await fetch(res.body.url);
    expect(await file.text()).toBe('hello file');
  });

  it('takes the part as `payload.file` too, and keeps an odd name for events but not in the URL', async () => {
    const res = await uploadFile(sandbox, token, fileForm('../<b>ré sumé</b>.pdf', 'application/pdf', '%PDF-1.4', 'payload.file'));
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/\/files\/[0-9a-f]{24}\/__b_r_sum_b_\.pdf$/);
    const stored = [...sandbox.store.files.values()][0];
    expect(stored?.name).toBe('../<b>ré sumé</b>.pdf');
  });

  it('accepts exactly 10 MB and refuses one byte more, an empty file and a missing part, saying which', async () => {
    expect((await uploadFile(sandbox, token, fileForm('big.bin', 'application/octet-stream', new Uint8Array(TEN_MB)))).status).toBe(200);
    const over = await uploadFile(sandbox, token, fileForm('big.bin', 'application/octet-stream', new Uint8Array(TEN_MB + 1)));
    expect(over).toMatchObject({ status: 413, body: { error: { type: 'validation', message: '`file` is over 10 MB' } } });
    const huge = await uploadFile(sandbox, token, fileForm('huge.bin', 'application/octet-stream', new Uint8Array(TEN_MB + 200_000)));
    expect(huge).toMatchObject({ status: 413, body: { error: { type: 'validation', message: '`file` is over 10 MB' } } });
    const empty = await uploadFile(sandbox, token, fileForm('empty.txt', 'text/plain', ''));
    expect(empty).toMatchObject({ status: 400, body: { error: { type: 'validation', message: '`file` is empty' } } });
    const other = new FormData();
    other.append('attachment', new Blob(['x']), 'x.txt');
    const missing = await uploadFile(sandbox, token, other);
    expect(missing).toMatchObject({ status: 400, body: { error: { type: 'validation', message: expect.stringContaining('`file` is required') } } });
    const json = await uploadFile(sandbox, token, '{"file":"x"}', { headers: { 'Content-Type': 'application/json' } });
    expect(json).toMatchObject({ status: 400, body: { error: { type: 'validation', message: expect.stringContaining('multipart/form-data') } } });
    // Only the 10 MB file was kept.
    expect(sandbox.store.files.size).toBe(1);
  });

  it('refuses a missing, unknown, expired or other-license token with `authentication`', async () => {
    const form = () => fileForm('a.txt', 'text/plain', 'a');
    const none = await uploadFile(sandbox, null, form());
    expect(none).toMatchObject({ status: 401, body: { error: { type: 'authentication', message: expect.stringContaining('Authorization: Bearer') } } });
    expect((await uploadFile(sandbox, 'dal:forged', form())).body.error.type).toBe('authentication');
    expect((await uploadFile(sandbox, null, form(), { headers: { Authorization: token } })).body.error.type).toBe('authentication');
    const other = sandbox.issueCustomerToken(54321).access_token;
    expect((await uploadFile(sandbox, other, form())).status).toBe(401);
    now += 28_800 * 1000;
    expect((await uploadFile(sandbox, token, form())).body.error).toEqual({ type: 'authentication', message: 'access token expired' });
    expect(sandbox.store.files.size).toBe(0);
  });

  it('refuses a banned customer', async () => {
    const { client, customerId } = await loginCustomer(sandbox);
    await client.close();
    const banned = await web(sandbox, 'ban_customer', { customer_id: customerId, ban: { days: 1 } });
    expect(banned.status).toBe(200);
    const token = sandbox.issueCustomerToken(LICENSE, customerId).access_token;
    const res = await uploadFile(sandbox, token, fileForm('a.txt', 'text/plain', 'a'));
    expect(res.body.error).toEqual({ type: 'customer_banned', message: 'this customer is banned' });
    expect(sandbox.store.files.size).toBe(0);
  });

  it('needs license_id, POST and a known action', async () => {
    const bad = await uploadFile(sandbox, token, fileForm('a.txt', 'text/plain', 'a'), { query: '' });
    expect(bad).toMatchObject({ status: 400, body: { error: { type: 'validation', message: expect.stringContaining('license_id') } } });
    const get = await fetch(`${sandbox.url}/v3.1/customer/action/upload_file?license_id=${LICENSE}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    const unknown = await fetch(`${sandbox.url}/v3.1/customer/action/send_file?license_id=${LICENSE}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.type).toBe('validation');
  });
});

describe('upload_file CORS', () => {
  it('answers the preflight for a loopback page, allowing the Authorization header', async () => {
    const res = await fetch(`${sandbox.url}/v3.1/customer/action/upload_file?license_id=${LICENSE}`, {
      method: 'OPTIONS',
      headers: { Origin: PAGE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('lets the page read answers and errors, and gives other origins nothing', async () => {
    const ok = await uploadFile(sandbox, token, fileForm('a.txt', 'text/plain', 'a'), { headers: { Origin: PAGE } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(PAGE);
    const refused = await uploadFile(sandbox, null, fileForm('a.txt', 'text/plain', 'a'), { headers: { Origin: PAGE } });
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE);
    const foreign = await fetch(`${sandbox.url}/v3.1/customer/action/upload_file?license_id=${LICENSE}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('uploaded files as served', () => {
  const served = async (name: string, type: string, bytes: Uint8Array | string) => {
    const { body } = await uploadFile(sandbox, token, fileForm(name, type, bytes));
    return fetch(body.url);
  };

  it('shows png, jpeg and gif images inline, typed by their bytes, with nosniff', async () => {
    for (const [bytes, type] of [
      [png(2, 2), 'image/png'],
      [jpegHeader(2, 2), 'image/jpeg'],
      [gif(2, 2), 'image/gif'],
    ] as const) {
      // The declared type is wrong on purpose: the bytes decide what an image is.
      const res = await served('pic', 'application/octet-stream', bytes);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe('sandbox');
    }
  });

  it('serves everything else as an attachment, an SVG and a fake png included', async () => {
    const svg = await served('logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="logo.svg"; filename*=UTF-8''logo.svg`);
    const html = await served('page.html', 'text/html', '<script>alert(1)</script>');
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; /);
    const fake = await served('fake.png', 'image/png', '<script>alert(1)</script>');
    expect(fake.headers.get('content-type')).toBe('application/octet-stream');
    expect(fake.headers.get('content-disposition')).toMatch(/^attachment; /);
    const odd = await served('odd', 'text/plain\r\nX-Evil: 1', 'x');
    expect(odd.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('names the download after the upload, UTF-8 included, and answers 404 for unknown files', async () => {
    const res = await served("résumé (final)'s.txt", 'text/plain', 'cv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="r_sum_ (final)'s.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%28final%29%27s.txt`);
    expect((await fetch(`${sandbox.url}/files/0123456789abcdef01234567/x.txt`)).status).toBe(404);
  });
});
