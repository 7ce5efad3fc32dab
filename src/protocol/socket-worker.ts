/** A key on the way from a frame's root to one of its arrays. */
export type FramePathKey = string | number;
/** Items to append, in order, to the array at a path of a frame posted before them. */
export type FramePiece = [path: FramePathKey[], items: unknown[]];

/** What the page tells the socket worker: open, send a frame, or close. */
export type ToSocketWorker = { url: string; mayName: string; big: number; budget: number } | string | null;

/**
 * What the socket worker tells the page: the socket opened or closed; a frame as text (`text`), or
 * parsed (`frame`) with how many pieces still follow it (`pieces`); or one of those pieces.
 */
export type FromSocketWorker =
  | { open: 1 }
  | { closed: 1 }
  | { text: unknown }
  | { frame: object; pieces: number }
  | { piece: FramePiece };

interface WorkerScope {
  onmessage: ((e: { data: ToSocketWorker }) => void) | null;
  postMessage(message: FromSocketWorker): void;
  close(): void;
}

/**
 * The code of the socket worker that `workerSockets()` starts: a native WebSocket off the page's main
 * thread. It runs as the text of a `blob:` worker, `(${socketWorker})()`, so it uses nothing but its
 * own locals and the worker's globals (the unit test runs it that way, in a context of its own).
 *
 * A frame of `big` characters or more is parsed here, where receiving and parsing a long history
 * (~2.9 MB for 10,000 events) does not hold the page up; the page would then get it back in one
 * message, whose copy costs nearly as much as the parse. So the items of every array over `budget`
 * values (objects, arrays and primitives, counted recursively) go in pieces of at most `budget` values
 * each, one message each, which the page puts back one task at a time. Smaller frames, text that is not
 * JSON, and text that `mayName` (frame.ts's test for ids named like Object.prototype members) matches
 * go to the page as text, which checks them as it always does.
 *
 * @example
 * const worker = new Worker(URL.createObjectURL(new Blob([`(${socketWorker})()`])));
 * worker.postMessage({ url: 'wss://…', mayName: MAY_NAME_PROTOTYPE.source, big: 65536, budget: 4000 });
 */
export function socketWorker(): void {
  const scope = globalThis as unknown as WorkerScope;
  let ws: WebSocket | undefined;

  scope.onmessage = ({ data }) => {
    if (typeof data == 'string') return void ws?.send(data);
    if (!data) return void ws?.close();
    const { url, big, budget } = data;
    const mayName = new RegExp(data.mayName);
    const post = (message: FromSocketWorker) => scope.postMessage(message);

    /**
     * The number of values left in `value` after the items of each of its arrays over `budget` were
     * moved to `out`: in runs of at most `budget` values, each run followed by its items' own pieces
     * (whose paths go through the run's items, back at the same indexes once appended).
     */
    const cut = (value: unknown, path: FramePathKey[], out: FramePiece[]): number => {
      if (typeof value != 'object' || !value) return 1;
      let size = 1;
      if (!Array.isArray(value)) {
        for (const key in value) size += cut((value as Record<string, unknown>)[key], [...path, key], out);
        return size;
      }
      const inner: FramePiece[][] = [];
      const sizes = value.map((item, i) => cut(item, [...path, i], (inner[i] = [])));
      for (const n of sizes) size += n;
      if (size <= budget) {
        for (const own of inner) out.push(...own);
        return size;
      }
      const items = value.splice(0);
      for (let i = 0; i < items.length; ) {
        const start = i;
        let n = sizes[i++]!;
        while (i < items.length && n + sizes[i]! <= budget) n += sizes[i++]!;
        out.push([path, items.slice(start, i)]);
        for (let j = start; j < i; j++) out.push(...inner[j]!);
      }
      return 1;
    };

    ws = new WebSocket(url);
    ws.onopen = () => post({ open: 1 });
    ws.onclose = () => {
      post({ closed: 1 });
      scope.close();
    };
    ws.onmessage = ({ data: text }) => {
      if (typeof text != 'string' || text.length < big || mayName.test(text)) return post({ text });
      let frame: unknown;
      const pieces: FramePiece[] = [];
      try {
        frame = JSON.parse(text);
        cut(frame, [], pieces);
      } catch {
        // Not JSON, or nested past the stack: the page reports it, or checks it, as with any text.
        return post({ text });
      }
      if (typeof frame != 'object' || !frame) return post({ text });
      post({ frame, pieces: pieces.length });
      for (const piece of pieces) post({ piece });
    };
  };
}
