import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/protocol/clock';
import { pendingRequests } from '../../../src/protocol/pending-requests';
import { RtmError } from '../../../src/protocol/rtm-error';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('pendingRequests', () => {
  it('resolves with the payload and clears the timer', async () => {
    const pending = pendingRequests(systemClock);
    const answer = pending.add('1', 15_000);
    expect(vi.getTimerCount()).toBe(1);
    expect(pending.settle('1', { ok: true })).toBe(true);
    await expect(answer).resolves.toEqual({ ok: true });
    expect(vi.getTimerCount()).toBe(0);
    expect(pending.settle('1', 'again')).toBe(false);
  });

  it('rejects with an RtmError and clears the timer', async () => {
    const pending = pendingRequests(systemClock);
    const answer = pending.add('1', 15_000);
    pending.settle('1', new RtmError('validation', 'Wrong format of request'));
    await expect(answer).rejects.toMatchObject({ type: 'validation', message: 'Wrong format of request' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settles exactly once: later answers for the same id are ignored', async () => {
    const pending = pendingRequests(systemClock);
    const answer = pending.add('1', 15_000);
    pending.settle('1', 'first');
    expect(pending.settle('1', 'second')).toBe(false);
    pending.failAll(new RtmError('connection_lost', 'gone'));
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(answer).resolves.toBe('first');
  });

  it('times out with request_timeout after the given time, not before', async () => {
    const pending = pendingRequests(systemClock);
    const answer = pending.add('1', 15_000);
    const seen = vi.fn();
    answer.catch(seen);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(seen).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.mock.calls[0]?.[0]).toMatchObject({ name: 'RtmError', type: 'request_timeout' });
    expect(pending.settle('1', 'late')).toBe(false);
  });

  it('fails everything at once and leaves no timer', async () => {
    const pending = pendingRequests(systemClock);
    const a = pending.add('1', 15_000);
    const b = pending.add('2', 15_000);
    pending.failAll(new RtmError('connection_lost', 'gone'));
    await expect(a).rejects.toMatchObject({ type: 'connection_lost' });
    await expect(b).rejects.toMatchObject({ type: 'connection_lost' });
    expect(vi.getTimerCount()).toBe(0);
    expect([pending.settle('1', 'late'), pending.settle('2', 'late')]).toEqual([false, false]);
  });
});
