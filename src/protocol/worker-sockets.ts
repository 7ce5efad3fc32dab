import type { SocketConstructor, SocketLike } from './client-options';
import { MAY_NAME_PROTOTYPE, parsedFrames } from './frame';
import { socketWorker, type FromSocketWorker, type ToSocketWorker } from './socket-worker';

/** The part of a `Worker` the sockets use. */
export interface WorkerLike {
  postMessage(message: ToSocketWorker): void;
  terminate(): void;
  onmessage: ((e: { data: FromSocketWorker }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

/** Options of {@link workerSockets}; the defaults are the browser's. */
export interface WorkerSocketOptions {
  /** Starts a socket worker (default: `socketWorker`'s code as a `blob:` worker). Throws where it cannot. */
  startWorker?: () => WorkerLike;
  /** The socket used where no worker starts (default `globalThis.WebSocket`). */
  WebSocket?: SocketConstructor;
}

/** Frames this long or longer are parsed in the worker; a shorter one costs the page next to nothing. */
const BIG = 65_536;
/** The most values (counted as `socketWorker` does) one message carries: ~400 events, a few ms to copy. */
const BUDGET = 4_000;

function blobWorker(): WorkerLike {
  const url = URL.createObjectURL(new Blob([`(${socketWorker})()`], { type: 'text/javascript' }));
  try {
    const worker = new Worker(url);
    // Revoked once the worker has loaded it (a revoked URL can fail a worker still starting).
    const revoke = () => URL.revokeObjectURL(url);
    worker.addEventListener('message', revoke, { once: true });
    worker.addEventListener('error', revoke, { once: true });
    return worker as unknown as WorkerLike;
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
}

/**
 * A WebSocket constructor for `createCustomerClient({ WebSocket })` whose sockets run in a worker
 * (`socketWorker`): the page's main thread neither receives nor parses a long history, which arrives as
 * one frame of megabytes; it gets it back in pieces, one task each. Where a worker cannot start (no
 * `Worker`, a CSP that refuses `blob:` workers) that socket, and every later one, is `WebSocket` on the
 * main thread instead, so the client never notices the difference.
 *
 * @example
 * const client = createCustomerClient({ licenseId: 12345, WebSocket: workerSockets() });
 */
export function workerSockets(options: WorkerSocketOptions = {}): SocketConstructor {
  const startWorker = options.startWorker ?? blobWorker;
  const NativeSocket = options.WebSocket ?? (globalThis.WebSocket as SocketConstructor);
  let broken = false;

  return class WorkerSocket implements SocketLike {
    onopen: ((ev: never) => void) | null = null;
    onmessage: ((ev: never) => void) | null = null;
    onclose: ((ev: never) => void) | null = null;
    #worker: WorkerLike | undefined;
    #native: SocketLike | undefined;
    #opened = false;
    #done = false;
    /** A parsed frame waiting for its pieces, and how many are still to come. */
    #frame: object | undefined;
    #missing = 0;

    constructor(url: string) {
      try {
        if (broken) throw 0;
        this.#worker = startWorker();
      } catch {
        broken = true;
        this.#fallBack(url);
        return;
      }
      this.#worker.onmessage = ({ data }) => this.#take(data);
      // The worker failed: refused by a CSP before it opened anything (then the page's own socket
      // takes over, now and from then on), or it broke later (then this link is lost).
      this.#worker.onerror = () => {
        broken = true;
        this.#stopWorker();
        if (this.#opened) this.#closed();
        else if (!this.#done) this.#fallBack(url);
      };
      this.#worker.postMessage({ url, mayName: MAY_NAME_PROTOTYPE.source, big: BIG, budget: BUDGET });
    }

    send(data: string): void {
      if (this.#native) this.#native.send(data);
      else this.#worker?.postMessage(data);
    }

    close(): void {
      this.#done = true;
      if (this.#native) this.#native.close();
      // The worker closes the socket, says so, and ends; the page then lets it go (#take).
      else this.#worker?.postMessage(null);
    }

    #fallBack(url: string) {
      const native = (this.#native = new NativeSocket(url));
      native.onopen = (e: never) => this.onopen?.(e);
      native.onmessage = (e: never) => this.onmessage?.(e);
      native.onclose = (e: never) => this.onclose?.(e);
    }

    #stopWorker() {
      this.#worker?.terminate();
      this.#worker = undefined;
    }

    #closed() {
      this.#stopWorker();
      this.onclose?.({} as never);
    }

    #deliver(data: unknown) {
      this.onmessage?.({ data } as never);
    }

    #take(m: FromSocketWorker) {
      if ('open' in m) {
        this.#opened = true;
        this.onopen?.({} as never);
      } else if ('closed' in m) this.#closed();
      else if ('text' in m) this.#deliver(m.text);
      else if ('frame' in m) {
        this.#frame = m.frame;
        this.#missing = m.pieces;
      } else {
        const [path, items] = m.piece;
        let at: any = this.#frame;
        for (const key of path) at = at[key];
        for (const item of items) at.push(item);
        this.#missing--;
      }
      if (this.#frame && !this.#missing) {
        const frame = this.#frame;
        this.#frame = undefined;
        parsedFrames.add(frame);
        this.#deliver(frame);
      }
    }
  };
}
