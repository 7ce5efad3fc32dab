// A scriptable stand-in for the browser WebSocket: the test plays the server.
import type { SocketLike } from '../../../src/protocol/client-options';

/** One fake connection: records what the client sent and lets the test answer. */
export class FakeSocket implements SocketLike {
  readonly sent: string[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.closed) throw new Error('InvalidStateError: socket is closed');
    this.sent.push(data);
  }

  close(): void {
    this.closed = true;
  }

  /** Every frame the client sent, parsed. */
  get frames(): { request_id?: string; action: string; payload?: Record<string, unknown> }[] {
    return this.sent.map((s) => JSON.parse(s));
  }

  /** The last frame the client sent for `action`; throws when there is none. */
  last(action: string) {
    const found = this.frames.filter((f) => f.action === action).at(-1);
    if (!found) throw new Error(`client sent no ${action}; sent: ${this.frames.map((f) => f.action).join(', ')}`);
    return found;
  }

  /** The server accepts the connection. */
  open(): void {
    this.onopen?.({});
  }

  /** The server sends a frame (an object is JSON-encoded, a string goes as is). */
  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  /** Answers the client's last `action` request with success. */
  respond(action: string, payload: unknown = {}): void {
    this.receive({ request_id: this.last(action).request_id, action, type: 'response', success: true, payload });
  }

  /** Answers the client's last `action` request with an error. */
  fail(action: string, type: string, message = type, data?: unknown): void {
    const error = data === undefined ? { type, message } : { type, message, data };
    this.receive({ request_id: this.last(action).request_id, action, type: 'response', success: false, payload: { error } });
  }

  /** Sends a push. */
  push(action: string, payload: unknown, requestId?: string): void {
    this.receive({ ...(requestId ? { request_id: requestId } : {}), action, type: 'push', payload });
  }

  /** The server (or the network) drops the connection. */
  drop(): void {
    this.closed = true;
    this.onclose?.({});
  }
}

/**
 * A WebSocket constructor for one test, recording every socket it creates.
 *
 * @example
 * const server = fakeSockets();
 * createCustomerClient({ licenseId: 1, WebSocket: server.WebSocket, … });
 * server.current.open();
 */
export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  class WebSocket extends FakeSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  return {
    WebSocket,
    sockets,
    /** The newest socket; throws when the client has opened none. */
    get current(): FakeSocket {
      const s = sockets.at(-1);
      if (!s) throw new Error('the client opened no socket');
      return s;
    },
  };
}
