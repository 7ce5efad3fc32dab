// Request bodies of the Web transports (agent and customer): read with a size limit, and a
// multipart form turned into a handler payload whose file parts carry the origin they were sent to.
import type { IncomingMessage } from 'node:http';
import { parseMultipart } from './agent-multipart';
import type { Payload } from './protocol';

/**
 * Reads the body up to `limit` bytes; undefined when it is larger (the rest is read and discarded,
 * so the client still gets the answer instead of a reset connection).
 * @example
 * const body = await readBody(req, 1024 * 1024);
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/**
 * A multipart body as a payload: text fields as strings, file parts as `{name, contentType, data, origin}`.
 * @example
 * const payload = formPayload(body, req.headers['content-type'], `http://${req.headers.host}`);
 */
export function formPayload(body: Buffer, contentType: string, origin: string): Payload {
  const { fields, files } = parseMultipart(body, contentType);
  const payload: Payload = { ...fields };
  for (const [name, file] of Object.entries(files)) payload[name] = { ...file, origin };
  return payload;
}

/**
 * `http://<Host>` of a request: uploads are served back from the address their uploader called.
 * @example
 * requestOrigin(req); // 'http://127.0.0.1:8081'
 */
export function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  // A Host header is the uploader's to choose: only a plain host[:port] becomes part of a URL.
  return `http://${/^[\w.-]+(?::\d{1,5})?$|^\[[\d:a-f.]+\](?::\d{1,5})?$/i.test(host) ? host : 'localhost'}`;
}
