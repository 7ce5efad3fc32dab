import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventHandlers } from '../../../src/embed/event-handlers';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

describe('eventHandlers', () => {
  it('calls handlers in order, each once, and unsubscribes', () => {
    const events = eventHandlers();
    const calls: string[] = [];
    const a = () => calls.push('a');
    const off = events.on('unread_changed', a)!;
    events.on('unread_changed', a);
    events.on('unread_changed', () => calls.push('b'));
    events.emit('unread_changed', { count: 1 });
    expect(calls).toEqual(['a', 'b']);
    expect(events.has('unread_changed', a)).toBe(true);
    off();
    events.emit('unread_changed', { count: 2 });
    expect(calls).toEqual(['a', 'b', 'b']);
    events.clear();
    events.emit('unread_changed', { count: 3 });
    expect(calls).toHaveLength(3);
  });

  it('rejects unknown events and non-functions with one error each', () => {
    const events = eventHandlers();
    expect(events.on('message', () => {})).toBeUndefined();
    expect(events.on('ready', 'fn')).toBeUndefined();
    events.off('message', () => {});
    expect(errors.mock.calls.map((c: unknown[]) => c[0])).toEqual([
      expect.stringMatching(/^chatlet: unknown event "message"; events: ready, visibility_changed, /),
      'chatlet: on("ready") expects a function (got "fn")',
      expect.stringMatching(/^chatlet: unknown event "message"/),
    ]);
  });

  it('keeps calling the others when a handler throws', () => {
    const events = eventHandlers();
    const after = vi.fn();
    events.on('ready', () => {
      throw new Error('page bug');
    });
    events.on('ready', after);
    events.emit('ready', {});
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
