import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserEnvironment } from '../../../src/protocol/browser-environment';

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

afterEach(() => {
  visibility = 'visible';
});

describe('browserEnvironment', () => {
  it('reports online, offline and a tab becoming visible', () => {
    const signal = vi.fn();
    const stop = browserEnvironment()!.watch(signal);
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(signal.mock.calls).toEqual([['offline'], ['online'], ['visible']]);
    stop();
  });

  it('removes every listener when stopped', () => {
    const signal = vi.fn();
    browserEnvironment()!.watch(signal)();
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(signal).not.toHaveBeenCalled();
  });

  it('is undefined without a window', () => {
    vi.stubGlobal('addEventListener', undefined);
    expect(browserEnvironment()).toBeUndefined();
    vi.unstubAllGlobals();
  });
});
