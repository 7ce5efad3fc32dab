import { describe, expect, it, vi } from 'vitest';
import { createChime, type AudioContextLike } from '../../../src/embed/chime';

function fakeAudio(state: AudioContextState = 'running') {
  const started: number[] = [];
  const ctx = {
    currentTime: 3,
    destination: {} as AudioDestinationNode,
    state,
    resume: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
    createGain: () => {
      const gain = { gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() }, connect: (next: unknown) => next };
      return gain as unknown as GainNode;
    },
    createOscillator: () =>
      ({
        frequency: { value: 0 },
        connect: (next: unknown) => next,
        start: (at: number) => started.push(at),
        stop: vi.fn(),
      }) as unknown as OscillatorNode,
  };
  return { ctx: ctx as unknown as AudioContextLike & typeof ctx, started };
}

describe('createChime', () => {
  it('makes its audio context on the first play, plays two short notes each time, and closes it', () => {
    const { ctx, started } = fakeAudio();
    const make = vi.fn(() => ctx);
    const chime = createChime(make);
    expect(make).not.toHaveBeenCalled();
    chime.play();
    chime.play();
    expect(make).toHaveBeenCalledTimes(1);
    expect(started).toEqual([3, 3.12, 3, 3.12]);
    chime.close();
    expect(ctx.close).toHaveBeenCalledOnce();
  });

  it('resumes a context the browser suspended', () => {
    const { ctx } = fakeAudio('suspended');
    createChime(() => ctx).play();
    expect(ctx.resume).toHaveBeenCalledOnce();
  });
});
