// The Web API's upload methods (seed 001 `send_file`, `upload_image`) and the route that
// serves uploaded files. Files live in the store's memory; the URL points back at this
// sandbox (`<origin>/files/<id>/<name>`), where `origin` is what the uploader called.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { agentChat } from './agent-access';
import { postEvent } from './agent-threads';
import type { Core, HandlerTable, RequestContext } from './core';
import type { FilePart } from './agent-multipart';
import { ApiError, isObject, optString, reqString } from './protocol';
import type { Payload } from './protocol';

/** Largest upload (seed 001: 10 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** An uploaded part as the Web transport hands it to a handler, with the origin it was sent to. */
export interface Upload extends FilePart {
  origin: string;
}

function upload(payload: Payload, field: string): Upload {
  const v = payload[field];
  if (!isObject(v) || !Buffer.isBuffer(v.data) || typeof v.name !== 'string' || typeof v.origin !== 'string') {
    throw new ApiError('validation', `\`payload.${field}\` must be a file part of a multipart/form-data request`);
  }
  if (v.data.length > MAX_UPLOAD_BYTES) throw new ApiError('validation', `\`payload.${field}\` is over 10 MB`, undefined, 413);
  return v as unknown as Upload;
}

/** Stores a file; `path` is relative to `<origin>/files` (upload_image's `base_url`). */
function save(ctx: RequestContext, file: Upload): { url: string; path: string } {
  const id = randomBytes(12).toString('hex');
  const name = file.name.replace(/[^\w.-]+/g, '_') || 'file';
  ctx.core.store.files.set(id, { licenseId: ctx.licenseId, name, contentType: file.contentType, data: file.data });
  const path = `${id}/${name}`;
  return { url: `${file.origin}/files/${path}`, path };
}

function flag(payload: Payload, field: string): boolean {
  const v = optString(payload, field);
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw new ApiError('validation', `\`payload.${field}\` must be "true" or "false"`);
}

/** The Web-only upload methods. @example dispatch(agentFileHandlers, ctx, 'send_file', { chat_id, file }); */
export const agentFileHandlers: HandlerTable = {
  send_file(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const customId = optString(payload, 'custom_id');
    const requireActive = flag(payload, 'require_active_thread');
    const file = upload(payload, 'file');
    const { url } = save(ctx, file);
    const input: Payload = {
      type: 'file',
      name: file.name,
      url,
      content_type: file.contentType,
      size: file.data.length,
      recipients: 'all',
      ...(customId !== undefined && { custom_id: customId }),
    };
    postEvent(ctx, chat, input, { requireActive });
    return { url };
  },

  upload_image(ctx, payload) {
    const image = upload(payload, 'image');
    if (!IMAGE_TYPES.has(image.contentType)) throw new ApiError('validation', '`payload.image` must be a png, jpeg or gif image');
    return save(ctx, image);
  },
};

/**
 * `GET /files/<id>/<name>`: an uploaded file with its content type; 404 for unknown ids.
 * @example
 * httpRoutes.push({ path: FILES_PATH, handle: serveFile });
 */
export function serveFile(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const id = /^\/files\/([0-9a-f]+)(?:\/|$)/.exec(url.pathname)?.[1];
  const file = id !== undefined ? core.store.files.get(id) : undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'validation', message: 'use GET' } }));
    return;
  }
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'not_found', message: 'no such file' } }));
    return;
  }
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.data.length,
    'X-Content-Type-Options': 'nosniff',
    // Uploads are untrusted: never let one run as a page of the sandbox's origin.
    'Content-Security-Policy': 'sandbox',
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : file.data);
}

/** Path pattern of {@link serveFile}. */
export const FILES_PATH = /^\/files\//;
