// A scriptable stand-in for XMLHttpRequest: the test plays the server of an upload.
import type { XhrLike } from '../../../src/protocol/upload-file';

type Handler = ((event: never) => void) | null;

/** One fake request: records what the client set and sent, and lets the test answer. */
export class FakeXhr implements XhrLike {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | undefined;
  aborted = false;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: Handler } = { onprogress: null };
  onload: Handler = null;
  onerror: Handler = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: FormData): void {
    this.body = body;
  }

  abort(): void {
    this.aborted = true;
  }

  /** The `file` part the client sent. */
  get file(): File {
    const file = this.body?.get('file');
    if (!(file instanceof File)) throw new Error('no file part was sent');
    return file;
  }

  /** Reports upload progress. */
  progress(loaded: number, total: number): void {
    (this.upload.onprogress as ((e: { loaded: number; total: number }) => void) | null)?.({ loaded, total });
  }

  /** The server answers with a status and a body (an object is JSON-encoded). */
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    (this.onload as (() => void) | null)?.();
  }

  /** The request fails at the network level (status 0). */
  networkError(): void {
    (this.onerror as (() => void) | null)?.();
  }
}

/**
 * A constructor that records every request it makes.
 * @example
 * const xhrs = fakeXhrs();
 * createCustomerClient({ ..., XMLHttpRequest: xhrs.XMLHttpRequest });
 * xhrs.last.respond(200, { url: 'https://cdn/x.png' });
 */
export function fakeXhrs() {
  const made: FakeXhr[] = [];
  return {
    made,
    XMLHttpRequest: class extends FakeXhr {
      constructor() {
        super();
        made.push(this);
      }
    },
    get last(): FakeXhr {
      const x = made.at(-1);
      if (!x) throw new Error('no request was made');
      return x;
    },
  };
}
