// `GET /files/<id>/<name>`: the uploaded files of store-files.ts, from the sandbox's own origin.
// Uploads are untrusted: each is served with its stored type and `nosniff`, in a CSP sandbox, and
// anything but a png/jpeg/gif image (an SVG included) as an attachment, so none can run as a page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from './core';
import type { StoredFile } from './store';

/** Path pattern of {@link serveFile}. */
export const FILES_PATH = /^\/files\//;

/** `attachment` or `inline`, with the uploader's name (RFC 6266: an ASCII fallback and the UTF-8 form). */
function disposition(file: StoredFile): string {
  // Only a file whose bytes are a png/jpeg/gif has `image` (store-files.ts).
  const kind = file.image ? 'inline' : 'attachment';
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

function fail(res: ServerResponse, status: number, type: string, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...extra });
  res.end(JSON.stringify({ error: { type, message } }));
}

/**
 * Serves one stored file (the query, such as a thumbnail's `?size=`, is ignored); 404 for an
 * unknown or dropped one.
 * @example
 * httpRoutes.push({ path: FILES_PATH, handle: serveFile });
 */
export function serveFile(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'validation', 'use GET', { Allow: 'GET, HEAD' });
  const id = /^\/files\/([0-9a-f]+)(?:\/|$)/.exec(url.pathname)?.[1];
  const file = id !== undefined ? core.store.files.get(id) : undefined;
  if (!file) return fail(res, 404, 'not_found', 'no such file');
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.data.length,
    'Content-Disposition': disposition(file),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  res.end(req.method === 'HEAD' ? undefined : file.data);
}
