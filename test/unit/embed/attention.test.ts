import { signal } from '@preact/signals-core';
import { describe, expect, it, vi } from 'vitest';
import type { StoreEvents } from '../../../src/chat/store-events';
import type { Visibility } from '../../../src/chat/visibility';
import { watchAttention } from '../../../src/embed/attention';
import { emitter } from '../../../src/protocol/emitter';

type NewEvent = StoreEvents['new_event'][0];
const KEY = 'chatlet_chime_1';

/** One tab: its store's events and signals, its widget's uses, its page, and what it played. */
function tab(storage: Map<string, string>, now: { t: number }) {
  const events = emitter<StoreEvents>();
  const uses = new Set<() => void>();
  const visibility = signal<Visibility>('minimized');
  const muted = signal(false);
  const page = { hidden: false };
  const play = vi.fn();
  const attention = watchAttention({
    store: { on: events.on as never, visibility, muted },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    key: KEY,
    onUse(fn) {
      uses.add(fn);
      return () => uses.delete(fn);
    },
    hidden: () => page.hidden,
    play,
    now: () => now.t,
  });
  const say = (type: 'agent' | 'customer') =>
    events.emit('new_event', { timestamp: 0, type: 'message', author: { id: type, type }, chatId: 'C', event: {} as NewEvent['event'] });
  return { attention, visibility, muted, page, play, say, use: () => uses.forEach((fn) => fn()), uses };
}

describe('watchAttention', () => {
  it("plays for an agent's message while the chat is minimized, or open on a page out of view, never for the visitor's own", () => {
    const now = { t: 10_000 };
    const t = tab(new Map(), now);
    t.say('customer');
    t.say('agent');
    expect(t.play).toHaveBeenCalledTimes(1);
    now.t += 5000;
    t.visibility.value = 'maximized';
    t.say('agent');
    expect(t.play).toHaveBeenCalledTimes(1);
    t.page.hidden = true;
    t.say('agent');
    expect(t.play).toHaveBeenCalledTimes(2);
    now.t += 5000;
    t.visibility.value = 'hidden';
    t.say('agent');
    expect(t.play).toHaveBeenCalledTimes(2);
  });

  it('plays a burst once, and nothing while muted', () => {
    const now = { t: 10_000 };
    const t = tab(new Map(), now);
    t.say('agent');
    now.t += 500;
    t.say('agent');
    expect(t.play).toHaveBeenCalledTimes(1);
    now.t += 5000;
    t.muted.value = true;
    t.say('agent');
    expect(t.play).toHaveBeenCalledTimes(1);
  });

  it('plays in one tab of the visitor: the one they used last, and in none once that tab is gone', () => {
    const storage = new Map<string, string>();
    const now = { t: 10_000 };
    const [a, b] = [tab(storage, now), tab(storage, now)];
    a.say('agent');
    b.say('agent');
    expect([a.play.mock.calls.length, b.play.mock.calls.length]).toEqual([0, 1]);
    now.t += 5000;
    a.use();
    a.say('agent');
    b.say('agent');
    expect([a.play.mock.calls.length, b.play.mock.calls.length]).toEqual([1, 1]);
    // B's page goes: its record stays A's.
    b.attention.forget();
    expect(storage.has(KEY)).toBe(true);
    a.attention.forget();
    expect(storage.has(KEY)).toBe(false);
    now.t += 5000;
    a.say('agent');
    b.say('agent');
    expect([a.play.mock.calls.length, b.play.mock.calls.length]).toEqual([1, 1]);
  });

  it('never plays without storage (no tab could tell which plays), and never throws', () => {
    const uses: (() => void)[] = [];
    const play = vi.fn();
    const events = emitter<StoreEvents>();
    const broken = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const attention = watchAttention({
      store: { on: events.on as never, visibility: signal<Visibility>('minimized'), muted: signal(false) },
      storage: { getItem: broken, setItem: broken, removeItem: broken },
      key: KEY,
      onUse: (fn) => (uses.push(fn), () => {}),
      hidden: () => false,
      play,
      now: () => 10_000,
    });
    uses.forEach((fn) => fn());
    events.emit('new_event', { timestamp: 0, type: 'message', author: { id: 'a', type: 'agent' }, chatId: 'C', event: {} as NewEvent['event'] });
    expect(play).not.toHaveBeenCalled();
    expect(() => attention.stop()).not.toThrow();
  });

  it('stops listening on stop()', () => {
    const storage = new Map<string, string>();
    const t = tab(storage, { t: 10_000 });
    t.attention.stop();
    t.say('agent');
    expect([t.play.mock.calls.length, t.uses.size, storage.has(KEY)]).toEqual([0, 0, false]);
  });
});
