import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMATS } from '../../../src/ui/format-time';
import { warmFormats } from '../../../src/ui/warm-formats';

/** A Worker stand-in that records what it was given and what was done to it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: (() => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeWorker.made = [];
});

describe('warmFormats', () => {
  it("runs, in a worker, code that makes every format the list uses, and releases the worker and its URL once it reports", async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:warm'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    warmFormats();
    const [worker] = FakeWorker.made;
    expect(worker?.url).toBe('blob:warm');

    // The worker's code, run here with a recording Intl, makes each format and then reports.
    const made: unknown[] = [];
    const posted: unknown[] = [];
    const intl = { DateTimeFormat: class { constructor(_: unknown, o: unknown) { made.push(o); } format() { return ''; } } };
    new Function('Intl', 'postMessage', await blobs[0]!.text())(intl, (m: unknown) => posted.push(m));
    expect(made).toEqual(FORMATS);
    expect(posted).toHaveLength(1);

    expect(worker!.terminated).toBe(false);
    expect(revoke).not.toHaveBeenCalled();
    worker!.onmessage!();
    expect(worker!.terminated).toBe(true);
    expect(revoke).toHaveBeenCalledWith('blob:warm');
  });

  it('releases the URL when the worker fails to load (a CSP that refuses it later, say)', () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:warm');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    warmFormats();
    FakeWorker.made[0]!.onerror!();
    expect(revoke).toHaveBeenCalledWith('blob:warm');
  });

  it('does nothing, throws nothing and keeps no URL where workers are missing or refused', () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:warm');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.stubGlobal('Worker', undefined);
    expect(() => warmFormats()).not.toThrow();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('refused', 'SecurityError');
        }
      },
    );
    expect(() => warmFormats()).not.toThrow();
    expect(revoke).toHaveBeenCalledTimes(2);
  });
});
