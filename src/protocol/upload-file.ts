import type { RtmError } from './rtm-error';

/**
 * The part of an `XMLHttpRequest` an upload uses (fetch cannot report upload progress). Handlers
 * take `never`, so the DOM's own types and a test's fake both fit.
 *
 * @example
 * createCustomerClient({ licenseId: 1, XMLHttpRequest: globalThis.XMLHttpRequest });
 */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((event: never) => void) | null };
  onload: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/**
 * An `XMLHttpRequest` constructor: the browser's, or a fake.
 *
 * @example
 * const Xhr: XhrConstructor = globalThis.XMLHttpRequest;
 */
export type XhrConstructor = new () => XhrLike;

/**
 * Options of `client.uploadFile(file, options)`.
 *
 * @example
 * const options: UploadOptions = { onProgress: (sent, total) => bar.value = sent / total, signal: controller.signal };
 */
export interface UploadOptions {
  /** As the request body goes out: bytes sent so far, and of the whole body (a little over the file's size). */
  onProgress?: (sent: number, total: number) => void;
  /** Cancels the upload; it then rejects with an `RtmError` of type `aborted`. */
  signal?: AbortSignal;
  /** The file name the server keeps; default the `File`'s own name, else `file`. */
  name?: string;
}

/**
 * What `upload_file` answers: the file's URL, to send in a `file` event (`{ type: 'file', url }`).
 *
 * @example
 * const { url }: UploadedFile = await client.uploadFile(file);
 */
export interface UploadedFile {
  url: string;
}

/** What an upload needs from its client. */
export interface UploadContext {
  /** The `upload_file` URL and `Authorization` value now; `refresh` first replaces the cached token. */
  access(refresh: boolean): Promise<{ url: string; authorization: string }>;
  XMLHttpRequest: XhrConstructor | undefined;
  /** Makes the rejection (the client's `RtmError`): this module imports nothing, so it loads on its own. */
  error(type: string, message: string, data?: unknown): RtmError;
}

const parse = (text: string): { url?: unknown; error?: { type?: unknown; message?: unknown; data?: unknown } } | undefined => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Sends one file to the customer Web API's `upload_file` (protocol-notes §2) with progress and
 * cancellation. A refused token is replaced and the upload tried once more; other failures reject
 * with the server's error type and message, `network_error`, or `aborted`.
 */
export function uploadFile(context: UploadContext, file: Blob, options: UploadOptions = {}): Promise<UploadedFile> {
  const { signal, onProgress } = options;
  const Xhr = context.XMLHttpRequest;
  if (!Xhr) return Promise.reject(new TypeError('chatlet/client: this runtime has no XMLHttpRequest; pass options.XMLHttpRequest'));
  return new Promise((resolve, reject) => {
    let xhr: XhrLike | undefined;
    let done = false;
    const settle = (ok: boolean, value: UploadedFile | Error) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', cancel);
      (ok ? resolve : reject)(value as never);
    };
    const fail = (type: string, message: string, data?: unknown) => settle(false, context.error(type, message, data));
    const cancel = () => {
      xhr?.abort();
      fail('aborted', 'The upload was cancelled');
    };
    const send = (refresh: boolean) =>
      context.access(refresh).then(({ url, authorization }) => {
        if (done) return;
        const x = (xhr = new Xhr());
        x.open('POST', url);
        x.setRequestHeader('Authorization', authorization);
        x.upload.onprogress = (e: ProgressEvent) => onProgress?.(e.loaded, e.total);
        x.onload = () => {
          const body = parse(x.responseText);
          const error = body?.error;
          if (x.status < 300 && typeof body?.url === 'string') return settle(true, { url: body.url });
          if (error?.type === 'authentication' && !refresh) return void send(true);
          if (typeof error?.type === 'string') return fail(error.type, String(error.message ?? error.type), error.data);
          fail('internal', `upload_file answered HTTP ${x.status}`, { status: x.status });
        };
        x.onerror = () => fail('network_error', 'The upload failed: the network or the server is unreachable');
        const form = new FormData();
        form.append('file', file, options.name || (file as File).name || 'file');
        x.send(form);
      }, (error: Error) => settle(false, error));
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel);
    void send(false);
  });
}
