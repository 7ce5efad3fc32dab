import { describe, expect, it } from 'vitest';
import { createSneakPeekThrottle } from '../../../src/chat/sneak-peek-throttle';
import type { Clock } from '../../../src/protocol/clock';

function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let seq = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => (timers.set(++seq, { at: now + ms, fn }), seq),
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now && timers.delete(id)) t.fn();
    }
  };
  return { clock, advance, pending: () => timers.size };
}

describe('createSneakPeekThrottle', () => {
  const make = () => {
    const c = fakeClock();
    const sent: string[] = [];
    const peek = createSneakPeekThrottle({ clock: c.clock, send: (t) => sent.push(t) > 0 });
    return { ...c, sent, peek };
  };

  it('sends only the latest text, once per interval, at the end of it', () => {
    const { peek, sent, advance } = make();
    peek.update('a');
    advance(100);
    peek.update('ab');
    advance(199);
    expect(sent).toEqual([]);
    advance(1);
    expect(sent).toEqual(['ab']);
    peek.update('abc');
    advance(300);
    expect(sent).toEqual(['ab', 'abc']);
  });

  it('does not resend unchanged text, nor an empty text agents never saw', () => {
    const { peek, sent, advance } = make();
    peek.update('x');
    peek.update('');
    advance(300);
    expect(sent).toEqual([]);
    peek.update('y');
    advance(300);
    peek.update('y');
    advance(300);
    expect(sent).toEqual(['y']);
  });

  it('clear() cancels what waits and sends an empty text at once, only if text was shown', () => {
    const { peek, sent, advance, pending } = make();
    peek.clear();
    expect(sent).toEqual([]);
    peek.update('hello');
    advance(300);
    peek.update('hello again');
    peek.clear();
    expect(sent).toEqual(['hello', '']);
    expect(pending()).toBe(0);
  });

  it('dispose() sends nothing and leaves no timer', () => {
    const { peek, sent, advance, pending } = make();
    peek.update('secret');
    advance(300);
    peek.update('more');
    peek.dispose();
    expect(pending()).toBe(0);
    advance(1000);
    expect(sent).toEqual(['secret']);
  });

  it('tries again with the next text when a send could not go out', () => {
    const c = fakeClock();
    const sent: string[] = [];
    let open = false;
    const peek = createSneakPeekThrottle({ clock: c.clock, send: (t) => open && sent.push(t) > 0 });
    peek.update('early');
    c.advance(300);
    peek.clear();
    expect(sent).toEqual([]);
    open = true;
    peek.update('early');
    c.advance(300);
    expect(sent).toEqual(['early']);
  });
});
