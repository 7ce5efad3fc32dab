import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/protocol/clock';
import { heartbeat } from '../../../src/protocol/heartbeat';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('heartbeat', () => {
  it('pings every 15 s', () => {
    const ping = vi.fn();
    const beat = heartbeat(systemClock, ping, () => {});
    vi.advanceTimersByTime(14_999);
    expect(ping).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(45_000);
    expect(ping).toHaveBeenCalledTimes(4);
    beat.stop();
  });

  it('declares the link dead after 30 s without a frame', () => {
    const dead = vi.fn();
    heartbeat(systemClock, () => {}, dead);
    vi.advanceTimersByTime(29_999);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('counts silence from the last frame seen', () => {
    const dead = vi.fn();
    const beat = heartbeat(systemClock, () => {}, dead);
    vi.advanceTimersByTime(20_000);
    beat.seen();
    vi.advanceTimersByTime(29_999);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('check() notices a stale link at once (timers of a hidden tab may not have run)', () => {
    let now = 0;
    const dead = vi.fn();
    const frozen = { ...systemClock, now: () => now };
    const beat = heartbeat(frozen, () => {}, dead);
    now = 31_000; // the clock moved on while no timer fired
    beat.check();
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('stop() leaves nothing scheduled', () => {
    const ping = vi.fn();
    const dead = vi.fn();
    const beat = heartbeat(systemClock, ping, dead);
    beat.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(ping).not.toHaveBeenCalled();
    expect(dead).not.toHaveBeenCalled();
  });
});
