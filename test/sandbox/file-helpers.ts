// Files for upload tests: real (decodable) png, gif and jpeg headers of a chosen size, and the
// customer Web API's upload_file over real HTTP.
import { crc32, deflateSync } from 'node:zlib';
import type { Sandbox } from '../../demo/sandbox/server';
import type { Frame } from './helpers';
import { LICENSE } from './helpers';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A valid grey RGB png of `width` × `height` pixels.
 * @example
 * const bytes = png(640, 480);
 */
export function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit depth, RGB, default compression, filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x99)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A valid one-colour gif of `width` × `height` pixels.
 * @example
 * const bytes = gif(2, 3);
 */
export function gif(width: number, height: number): Buffer {
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen.set([0x80, 0, 0], 4); // a 2-colour global table
  const image = Buffer.alloc(10);
  image[0] = 0x2c;
  image.writeUInt16LE(width, 5);
  image.writeUInt16LE(height, 7);
  return Buffer.concat([Buffer.from('GIF89a'), screen, Buffer.from([0, 0, 0, 255, 255, 255]), image, Buffer.from([2, 2, 0x44, 0x01, 0, 0x3b])]);
}

/**
 * The start of a jpeg (SOI, an APP0 segment, then a baseline frame header of that size): enough
 * for a header reader, not for a decoder.
 * @example
 * const bytes = jpegHeader(800, 600);
 */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.from([0xff, 0xff]), sof, Buffer.from([0xff, 0xd9])]);
}

/** The HTTP answer of an upload. */
export interface UploadAnswer {
  status: number;
  headers: Headers;
  body: Frame;
}

/**
 * POSTs `form` to the customer Web API's upload_file (license 12345 unless the query says otherwise).
 * @example
 * const { status, body } = await uploadFile(sandbox, token, fileForm('a.txt', 'text/plain', 'hi'));
 */
export async function uploadFile(sandbox: Sandbox, token: string | null, form: FormData | string, init: { query?: string; headers?: Record<string, string> } = {}): Promise<UploadAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${sandbox.url}/v3.1/customer/action/upload_file?${init.query ?? `license_id=${LICENSE}`}`, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? {} : (JSON.parse(text) as Frame) };
}

/**
 * A form with one `file` part.
 * @example
 * fileForm('notes.txt', 'text/plain', 'hello');
 */
export function fileForm(name: string, type: string, bytes: Uint8Array | string, field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  return form;
}
