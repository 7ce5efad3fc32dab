// The socket worker's code run as a worker runs it: its text alone, in a context of its own (so a
// reference to anything outside its body fails), with a fake WebSocket; messages both ways are
// structured-cloned, as between a page and a worker.
import { runInNewContext } from 'node:vm';
import { socketWorker, type FromSocketWorker, type ToSocketWorker } from '../../../src/protocol/socket-worker';
import type { WorkerLike } from '../../../src/protocol/worker-sockets';

/** The worker's WebSocket: records what it was told; the test plays the server. */
export interface WorkerSideSocket {
  url: string;
  sent: string[];
  closed: boolean;
  onopen: (() => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
}

/** A socket worker in a vm context: what it posted, its sockets, and whether it ended itself. */
export interface RunningSocketWorker {
  posted: FromSocketWorker[];
  sockets: WorkerSideSocket[];
  readonly ended: boolean;
  /** Posts to the worker, as the page does. */
  tell(data: ToSocketWorker): void;
  /** A WorkerLike for `workerSockets({ startWorker })`, wired to this worker (what it posts goes to its `onmessage` too). */
  worker: WorkerLike & { terminated: boolean };
}

export function runSocketWorker(): RunningSocketWorker {
  const posted: FromSocketWorker[] = [];
  const sockets: WorkerSideSocket[] = [];
  let ended = false;
  const worker: RunningSocketWorker['worker'] = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (data) => scope.onmessage({ data: structuredClone(data) }),
    terminate: () => void (worker.terminated = true),
  };
  const scope: Record<string, any> = {
    postMessage: (m: FromSocketWorker) => {
      const copy = structuredClone(m);
      posted.push(copy);
      worker.onmessage?.({ data: structuredClone(m) });
    },
    close: () => void (ended = true),
    WebSocket: class {
      sent: string[] = [];
      closed = false;
      onopen = null;
      onmessage = null;
      onclose: (() => void) | null = null;
      constructor(readonly url: string) {
        sockets.push(this as unknown as WorkerSideSocket);
      }
      send(data: string) {
        this.sent.push(data);
      }
      close() {
        this.closed = true;
        this.onclose?.();
      }
    },
  };
  runInNewContext(`(${socketWorker})()`, scope);
  return {
    posted,
    sockets,
    get ended() {
      return ended;
    },
    tell: (data) => scope.onmessage({ data: structuredClone(data) }),
    worker,
  };
}

/** The values `socketWorker` counts in `value`: objects, arrays and primitives, recursively. */
export function countValues(value: unknown): number {
  if (typeof value != 'object' || value === null) return 1;
  let n = 1;
  for (const v of Object.values(value)) n += countValues(v);
  return n;
}
