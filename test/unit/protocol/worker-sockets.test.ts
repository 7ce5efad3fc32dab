import { describe, expect, it, vi } from 'vitest';
import { frame } from '../../../src/protocol/frame';
import { workerSockets, type WorkerLike } from '../../../src/protocol/worker-sockets';
import { FakeSocket } from './fake-socket';
import { runSocketWorker, type RunningSocketWorker } from './socket-worker-harness';

/** A socket of `workerSockets()` on a vm-run socket worker, with what reached its handlers. */
function socketOnWorker() {
  const running: RunningSocketWorker[] = [];
  const Socket = workerSockets({
    startWorker: () => (running.push(runSocketWorker()), running.at(-1)!.worker),
    WebSocket: FakeSocket,
  });
  const socket = new Socket('wss://rtm.example/ws');
  const seen: unknown[] = [];
  socket.onopen = (() => seen.push('open')) as never;
  socket.onmessage = ((e: { data: unknown }) => seen.push(e.data)) as never;
  socket.onclose = (() => seen.push('close')) as never;
  const w = running[0]!;
  return { socket, seen, w, ws: w.sockets[0]! };
}

const history = (events: number) => ({
  request_id: 'r1',
  action: 'list_threads',
  type: 'response',
  success: true,
  payload: {
    threads: [{ id: 'T', events: Array.from({ length: events }, (_, i) => ({ id: `E${i}`, type: 'message', text: `text ${i}`, properties: {} })) }],
  },
});

describe('workerSockets', () => {
  it('opens, sends and closes through the worker, and lets the worker go once it closed', () => {
    const { socket, seen, w, ws } = socketOnWorker();
    expect(ws.url).toBe('wss://rtm.example/ws');
    ws.onopen!();
    expect(seen).toEqual(['open']);
    socket.send('{"action":"login"}');
    expect(ws.sent).toEqual(['{"action":"login"}']);
    socket.close();
    expect(ws.closed).toBe(true);
    expect(w.ended).toBe(true);
    expect(w.worker.terminated).toBe(true);
    expect(seen).toEqual(['open', 'close']);
  });

  it('hands short frames on as text, for frame() to check as ever', () => {
    const { seen, ws } = socketOnWorker();
    ws.onmessage!({ data: '{"action":"ping"}' });
    expect(seen).toEqual(['{"action":"ping"}']);
  });

  it('hands a long history on whole, once every piece is back, parsed and taken by frame() as it is', () => {
    const { seen, w, ws } = socketOnWorker();
    const text = JSON.stringify(history(3000));
    ws.onmessage!({ data: text });
    expect(w.posted.length).toBeGreaterThan(3);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(JSON.parse(text));
    const parsed = frame(seen[0]);
    expect('frame' in parsed && parsed.frame.payload).toBe((seen[0] as any).payload);
  });

  it('leaves frame() refusing any other object (one that no socket worker parsed)', () => {
    expect(frame({ action: 'incoming_chat', payload: { chat: { id: 'C' } } })).toEqual({ error: 'bad JSON' });
  });

  it('uses the page’s own socket where no worker starts, and does not try again', () => {
    const startWorker = vi.fn((): WorkerLike => {
      throw new Error('no Worker here');
    });
    const Socket = workerSockets({ startWorker, WebSocket: FakeSocket });
    const socket = new Socket('wss://a');
    const seen: unknown[] = [];
    socket.onopen = (() => seen.push('open')) as never;
    socket.onmessage = ((e: { data: unknown }) => seen.push(e.data)) as never;
    socket.onclose = (() => seen.push('close')) as never;
    // The socket made inside is a FakeSocket; reach it through the calls it receives.
    const made = vi.spyOn(FakeSocket.prototype, 'send');
    socket.send('x');
    const native = made.mock.contexts[0] as FakeSocket;
    expect(native.url).toBe('wss://a');
    native.open();
    native.receive('{"action":"ping"}');
    native.onclose!({});
    expect(seen).toEqual(['open', '{"action":"ping"}', 'close']);
    socket.close();
    expect(native.closed).toBe(true);
    new Socket('wss://b');
    expect(startWorker).toHaveBeenCalledTimes(1);
    made.mockRestore();
  });

  it('falls back to the page’s socket when the worker fails to start (a CSP refusing it), and from then on', () => {
    const worker = { postMessage: vi.fn(), terminate: vi.fn(), onmessage: null, onerror: null } as unknown as WorkerLike;
    const startWorker = vi.fn(() => worker);
    const made: string[] = [];
    const Socket = workerSockets({
      startWorker,
      WebSocket: class extends FakeSocket {
        constructor(url: string) {
          super(url);
          made.push(url);
        }
      },
    });
    const socket = new Socket('wss://a');
    expect(worker.postMessage).toHaveBeenCalledWith(expect.objectContaining({ url: 'wss://a' }));
    worker.onerror!({});
    expect(worker.terminate).toHaveBeenCalled();
    expect(made).toEqual(['wss://a']);
    socket.close();
    new Socket('wss://b');
    expect(made).toEqual(['wss://a', 'wss://b']);
    expect(startWorker).toHaveBeenCalledTimes(1);
  });

  it('reports the link lost when the worker breaks after it opened', () => {
    const { seen, w, ws } = socketOnWorker();
    ws.onopen!();
    w.worker.onerror!({});
    expect(seen).toEqual(['open', 'close']);
    expect(w.worker.terminated).toBe(true);
  });
});
