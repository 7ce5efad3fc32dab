import { describe, expect, it } from 'vitest';
import { MAY_NAME_PROTOTYPE } from '../../../src/protocol/frame';
import type { FramePiece } from '../../../src/protocol/socket-worker';
import { countValues, runSocketWorker } from './socket-worker-harness';

const open = (big = 100, budget = 50) => ({ url: 'wss://rtm.example/ws', mayName: MAY_NAME_PROTOTYPE.source, big, budget });
const event = (i: number) => ({ id: `E${i}`, type: 'message', text: `message ${i}`, author_id: 'a', properties: { p: { v: i } } });
const response = (payload: object) => ({ request_id: 'r1', action: 'get_chat', type: 'response', success: true, payload });

/** What the page rebuilds from the worker's messages after the socket's open: each frame, whole. */
function rebuild(posted: ReturnType<typeof runSocketWorker>['posted']): unknown[] {
  const frames: unknown[] = [];
  for (const m of posted) {
    if ('text' in m) frames.push(m.text);
    if ('frame' in m) frames.push(m.frame);
    if ('piece' in m) {
      let at: any = frames.at(-1);
      for (const key of m.piece[0]) at = at[key];
      at.push(...m.piece[1]);
    }
  }
  return frames;
}

describe('socketWorker (run from its text alone)', () => {
  it('opens the socket, says when it opened, sends the page’s text, and closes, says so and ends when told', () => {
    const w = runSocketWorker();
    w.tell(open());
    const [ws] = w.sockets;
    expect(ws!.url).toBe('wss://rtm.example/ws');
    ws!.onopen!();
    expect(w.posted).toEqual([{ open: 1 }]);
    w.tell('{"action":"ping"}');
    expect(ws!.sent).toEqual(['{"action":"ping"}']);
    expect(w.ended).toBe(false);
    w.tell(null);
    expect(ws!.closed).toBe(true);
    expect(w.posted.at(-1)).toEqual({ closed: 1 });
    expect(w.ended).toBe(true);
  });

  it('says so and ends when the server closes the socket', () => {
    const w = runSocketWorker();
    w.tell(open());
    w.sockets[0]!.onclose!();
    expect(w.posted).toEqual([{ closed: 1 }]);
    expect(w.ended).toBe(true);
  });

  it('passes short frames, text that is not JSON or not an object, and frames that may name a prototype member as text', () => {
    const w = runSocketWorker();
    w.tell(open(20));
    const texts = [
      '{"action":"ping"}',
      '{' + ' '.repeat(30) + 'not json',
      JSON.stringify('a string that is long enough'),
      JSON.stringify({ action: 'incoming_chat', payload: { chat: { id: '__proto__' } } }),
      JSON.stringify({ action: 'incoming_chat', payload: { chat: { id: '\\u005f_proto__' } } }),
    ];
    for (const text of texts) w.sockets[0]!.onmessage!({ data: text });
    expect(w.posted).toEqual(texts.map((text) => ({ text })));
  });

  it('parses a long frame in the worker and sends its long history in pieces within the budget, which rebuild it', () => {
    const w = runSocketWorker();
    w.tell(open(100, 50));
    const frame = response({ chat: { id: 'C', thread: { id: 'T', events: Array.from({ length: 40 }, (_, i) => event(i)) } } });
    w.sockets[0]!.onmessage!({ data: JSON.stringify(frame) });

    const [head, ...pieces] = w.posted as [{ frame: any; pieces: number }, ...{ piece: FramePiece }[]];
    expect(head.pieces).toBe(pieces.length);
    expect(head.frame.payload.chat.thread.events).toEqual([]);
    expect(pieces.length).toBeGreaterThan(5);
    for (const { piece } of pieces) {
      expect(piece[0]).toEqual(['payload', 'chat', 'thread', 'events']);
      expect(countValues(piece[1]) - 1).toBeLessThanOrEqual(50);
    }
    expect(rebuild(w.posted)).toEqual([frame]);
  });

  it('cuts many short threads too (by their values, not their length), and a long thread among short ones through its own path', () => {
    const w = runSocketWorker();
    w.tell(open(100, 60));
    const threads = Array.from({ length: 12 }, (_, t) => ({ id: `T${t}`, events: Array.from({ length: t == 5 ? 30 : 4 }, (_, i) => event(t * 100 + i)) }));
    const frame = response({ threads, found_threads: 12 });
    w.sockets[0]!.onmessage!({ data: JSON.stringify(frame) });

    const messages = w.posted.slice(1) as { piece: FramePiece }[];
    for (const { piece } of messages) expect(countValues(piece[1]) - 1).toBeLessThanOrEqual(60);
    // The long thread's own events come after the piece that put the thread back, at its index.
    const paths = messages.map((m) => m.piece[0].join('.'));
    expect(paths).toContain('payload.threads.5.events');
    expect(paths.indexOf('payload.threads.5.events')).toBeGreaterThan(paths.indexOf('payload.threads'));
    expect(rebuild(w.posted)).toEqual([frame]);
  });

  it('sends a long frame with no long array as one parsed message', () => {
    const w = runSocketWorker();
    w.tell(open(50, 1000));
    const frame = response({ chat: { id: 'C', thread: { id: 'T', events: [event(1), event(2)] } } });
    w.sockets[0]!.onmessage!({ data: JSON.stringify(frame) });
    expect(w.posted).toEqual([{ frame, pieces: 0 }]);
  });
});
