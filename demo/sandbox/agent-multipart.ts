// A small multipart/form-data reader for the Web API's uploads (send_file, upload_image).
// Seed 001 names the parts `payload.<field>`; the prefix is optional here. Anything malformed
// is a `validation` error, never an exception of another kind.
import { ApiError } from './protocol';

/** One uploaded file part. */
export interface FilePart {
  name: string;
  contentType: string;
  data: Buffer;
}

/** The text fields and file parts of a form, by field name without the `payload.` prefix. */
export interface Form {
  fields: Record<string, string>;
  files: Record<string, FilePart>;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new ApiError('validation', 'multipart/form-data needs a boundary');
  return boundary;
}

function param(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header);
  return match?.[1];
}

/**
 * Parses a multipart/form-data body.
 * @example
 * const { fields, files } = parseMultipart(body, req.headers['content-type']);
 * files.file?.data; // Buffer
 */
export function parseMultipart(body: Buffer, contentType: string): Form {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const form: Form = { fields: {}, files: {} };
  let at = body.indexOf(delimiter);
  if (at < 0) throw new ApiError('validation', 'multipart body has no parts');
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new ApiError('validation', 'multipart body is not terminated');
    readPart(body.subarray(start + CRLF.length, next - CRLF.length), form);
    at = next;
  }
  return form;
}

function readPart(part: Buffer, form: Form): void {
  const split = part.indexOf(HEADER_END);
  if (split < 0) throw new ApiError('validation', 'multipart part has no headers');
  const headers = part.subarray(0, split).toString('utf8').split('\r\n');
  const disposition = headers.find((h) => /^content-disposition:/i.test(h));
  const rawName = disposition && param(disposition, 'name');
  if (!disposition || rawName === undefined) throw new ApiError('validation', 'multipart part has no name');
  const name = rawName.replace(/^payload\./, '');
  if (name === '__proto__') throw new ApiError('validation', 'multipart part name `__proto__` is not a field');
  const data = part.subarray(split + HEADER_END.length);
  const filename = param(disposition, 'filename');
  if (filename === undefined) {
    form.fields[name] = data.toString('utf8');
    return;
  }
  const type = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '').trim();
  form.files[name] = { name: filename, contentType: type || 'application/octet-stream', data: Buffer.from(data) };
}
