// The file part of an upload request as a handler receives it from a Web transport, checked
// against the limits every upload method shares (seed 001, protocol-notes §2): present, not
// empty, at most 10 MB. Each failure is a `validation` error that names the part and what is wrong.
import type { FilePart } from './agent-multipart';
import { ApiError, isObject } from './protocol';
import type { Payload } from './protocol';
import { MAX_UPLOAD_BYTES } from './store-files';

/** An uploaded part as a Web transport hands it to a handler, with the origin it was sent to. */
export interface Upload extends FilePart {
  origin: string;
}

/**
 * The checked file part `field` of a payload; `label` names it in messages (`payload.file` in
 * the agent API, `file` in the customer's).
 * @example
 * const file = uploadPart(payload, 'file', 'payload.file');
 */
export function uploadPart(payload: Payload, field: string, label = field): Upload {
  const v = payload[field];
  if (!isObject(v) || !Buffer.isBuffer(v.data) || typeof v.name !== 'string' || typeof v.origin !== 'string') {
    throw new ApiError('validation', `\`${label}\` is required: send the file as a multipart/form-data part named \`${label}\``);
  }
  if (v.data.length === 0) throw new ApiError('validation', `\`${label}\` is empty`);
  if (v.data.length > MAX_UPLOAD_BYTES) throw new ApiError('validation', `\`${label}\` is over 10 MB`, undefined, 413);
  return v as unknown as Upload;
}
