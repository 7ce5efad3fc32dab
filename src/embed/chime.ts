// A short two-note chime made with Web Audio: no media file to fetch, so no CSP source to allow.

/** The slice of `AudioContext` the chime uses. */
export type AudioContextLike = Pick<AudioContext, 'currentTime' | 'destination' | 'state' | 'resume' | 'close' | 'createOscillator' | 'createGain'>;

/**
 * Returns `play` (one chime, about half a second, quiet) and `close` (releases the audio context, made
 * on the first play: browsers let a page start one only after the visitor acted on it).
 */
export function createChime(make: () => AudioContextLike = () => new AudioContext()) {
  let context: AudioContextLike | undefined;
  return {
    play(): void {
      const ctx = (context ??= make());
      if (ctx.state == 'suspended') void ctx.resume().catch(() => undefined);
      const at = ctx.currentTime;
      // Two sine notes a fifth apart (E6, then A6), each fading out.
      [1318.5, 1760].forEach((hz, i) => {
        const start = at + i * 0.12;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = hz;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.12, start + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.4);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 0.42);
      });
    },
    close(): void {
      void context?.close().catch(() => undefined);
      context = undefined;
    },
  };
}
