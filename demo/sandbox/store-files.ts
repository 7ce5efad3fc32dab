// Uploaded files: the one place that keeps them (customer upload_file, agent send_file and
// upload_image all save here), bounds their memory, and turns one into a `file` event's fields.
// A file is served at `<origin>/files/<id>/<name>`, where `origin` is the address its uploader
// called, so the URL works from wherever the upload came.
import { randomBytes } from 'node:crypto';
import { imageSize } from './image-size';
import type { Payload } from './protocol';
import type { Store, StoredFile } from './store';

/** Largest upload (seeds 001 and protocol-notes §2: 10 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Default bound on the bytes of every stored file together. */
export const DEFAULT_MAX_FILE_STORE_BYTES = 64 * 1024 * 1024;

/** Sizes the `thumbnail_url`/`thumbnail2x_url` of an image name (the SDK shows 300 and 600 px). */
const THUMBNAIL_PX = 300;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);
// `type/subtype` only: the value goes into a response header, and parameters are not needed.
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const MAX_NAME_CHARS = 255;

/** What an uploader sends: the part's file name and declared type, its bytes, and whom it belongs to. */
export interface NewFile {
  licenseId: number;
  /** Customer id or agent id. */
  ownerId: string;
  name: string;
  contentType: string;
  data: Buffer;
  /** `http://host:port` the upload was sent to. */
  origin: string;
}

/**
 * The type a file is stored and served with: a png/jpeg/gif by its bytes whatever was declared;
 * otherwise the declared type, except that a declared image the bytes do not confirm, or a value
 * that is not a plain `type/subtype`, becomes `application/octet-stream`.
 */
function typeOf(declared: string, data: Buffer): { contentType: string; image?: { width: number; height: number } } {
  const image = imageSize(data);
  if (image) return { contentType: image.type, image: { width: image.width, height: image.height } };
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  return { contentType: MIME.test(type) && !IMAGE_TYPES.has(type) ? type : 'application/octet-stream' };
}

/**
 * Drops files until the store is within its bound: the oldest never used in an event first,
 * then (only when nothing else is left) the oldest used one, whose events keep a URL that now
 * answers 404, as an expired upload does on LiveChat. `keep` (the file just saved) stays.
 */
function evict(store: Store, keep: StoredFile): void {
  for (const referenced of [false, true]) {
    for (const file of store.files.values()) {
      if (store.fileBytes <= store.maxFileBytes) return;
      if (file === keep || file.referenced !== referenced) continue;
      store.files.delete(file.id);
      store.fileBytes -= file.data.length;
    }
  }
}

/**
 * Keeps an upload and returns it with its URL (and `path`, relative to `<origin>/files`, which is
 * upload_image's `base_url`). The name stays as sent (without control characters) for events;
 * the URL uses a safe copy of it.
 * @example
 * const file = saveFile(store, { licenseId, ownerId: customerId, name: 'a.png', contentType: 'image/png', data, origin });
 * file.url; // 'http://127.0.0.1:8081/files/3f…/a.png'
 */
export function saveFile(store: Store, input: NewFile): StoredFile {
  const id = randomBytes(12).toString('hex');
  const name = input.name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_NAME_CHARS) || 'file';
  // No leading dots: a name of `..` would make the URL a dot-segment that clients resolve away.
  const path = `${id}/${name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_').slice(0, 100)}`;
  const file: StoredFile = {
    id,
    licenseId: input.licenseId,
    ownerId: input.ownerId,
    name,
    ...typeOf(input.contentType, input.data),
    data: input.data,
    path,
    url: `${input.origin}/files/${path}`,
    referenced: false,
  };
  store.files.set(id, file);
  store.fileBytes += file.data.length;
  evict(store, file);
  return file;
}

/**
 * The stored file a URL names, if it is exactly one this sandbox handed out and still keeps.
 * @example
 * const file = findFile(store, event.url);
 */
export function findFile(store: Store, url: unknown): StoredFile | undefined {
  if (typeof url !== 'string') return undefined;
  const id = /\/files\/([0-9a-f]{24})\//.exec(url)?.[1];
  const file = id !== undefined ? store.files.get(id) : undefined;
  return file?.url === url ? file : undefined;
}

/**
 * Marks the file a `file` event points at as used, so the memory bound drops it last.
 * @example
 * referenceFile(store, event.url);
 */
export function referenceFile(store: Store, url: unknown): void {
  const file = findFile(store, url);
  if (file) file.referenced = true;
}

/**
 * A `file` event's fields for a stored file (seed 002 "File"). The sandbox does not resize, so an
 * image's thumbnails are the image itself with a `?size=` the file route ignores.
 * @example
 * fileFields(file); // { name, url, content_type, size, width, height, thumbnail_url, thumbnail2x_url }
 */
export function fileFields(file: StoredFile): Payload {
  return {
    name: file.name,
    url: file.url,
    content_type: file.contentType,
    size: file.data.length,
    ...(file.image && {
      width: file.image.width,
      height: file.image.height,
      thumbnail_url: `${file.url}?size=${THUMBNAIL_PX}`,
      thumbnail2x_url: `${file.url}?size=${THUMBNAIL_PX * 2}`,
    }),
  };
}
