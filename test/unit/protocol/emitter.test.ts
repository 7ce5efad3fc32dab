import { describe, expect, it, vi } from 'vitest';
import { emitter } from '../../../src/protocol/emitter';

describe('emitter', () => {
  it('calls listeners with the arguments and stops after unsubscribe', () => {
    const e = emitter<{ tick: [n: number, label?: string] }>();
    const fn = vi.fn();
    const off = e.on('tick', fn);
    e.emit('tick', 1, 'a');
    off();
    e.emit('tick', 2);
    expect(fn.mock.calls).toEqual([[1, 'a']]);
  });

  it('keeps calling the other listeners when one throws', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = emitter<{ tick: [] }>();
    const after = vi.fn();
    e.on('tick', () => {
      throw new Error('listener bug');
    });
    e.on('tick', after);
    expect(() => e.emit('tick')).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }));
    log.mockRestore();
  });

  it('lets a listener unsubscribe another during an emit without skipping it', () => {
    const e = emitter<{ tick: [] }>();
    const second = vi.fn();
    let offSecond = () => {};
    e.on('tick', () => offSecond());
    offSecond = e.on('tick', second);
    e.emit('tick');
    expect(second).toHaveBeenCalledTimes(1);
    e.emit('tick');
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('clear() removes every listener', () => {
    const e = emitter<{ a: []; b: [] }>();
    const fn = vi.fn();
    e.on('a', fn);
    e.on('b', fn);
    e.clear();
    e.emit('a');
    e.emit('b');
    expect(fn).not.toHaveBeenCalled();
  });
});
