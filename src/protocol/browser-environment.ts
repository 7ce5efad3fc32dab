/**
 * What the host environment can tell the client: network lost, network back, tab visible again.
 *
 * @example
 * const onSignal = (s: EnvironmentSignal) => s === 'offline' && showBanner();
 */
export type EnvironmentSignal = 'online' | 'offline' | 'visible';

/**
 * The client's only window onto the host page: a subscription to network and visibility changes.
 * Pass your own (React Native's NetInfo, a test double) or `null` for none.
 *
 * @example
 * const environment: Environment = {
 *   watch(signal) {
 *     const off = NetInfo.addEventListener((s) => signal(s.isConnected ? 'online' : 'offline'));
 *     return off;
 *   },
 * };
 */
export interface Environment {
  /** Starts reporting signals; returns the function that stops it. */
  watch(signal: (s: EnvironmentSignal) => void): () => void;
}

/**
 * The browser's environment: `online`/`offline` on `window`, and `visibilitychange` on `document`
 * reported when the tab becomes visible (hidden tabs throttle timers, so a link may have died unseen).
 * `undefined` where there is no window (Node, workers).
 */
export function browserEnvironment(): Environment | undefined {
  const win = globalThis as unknown as Partial<Window>;
  const doc = win.document;
  if (!win.addEventListener || !win.removeEventListener) return undefined;
  return {
    watch(signal) {
      const online = () => signal('online');
      const offline = () => signal('offline');
      const visible = () => doc?.visibilityState === 'visible' && signal('visible');
      win.addEventListener!('online', online);
      win.addEventListener!('offline', offline);
      doc?.addEventListener('visibilitychange', visible);
      return () => {
        win.removeEventListener!('online', online);
        win.removeEventListener!('offline', offline);
        doc?.removeEventListener('visibilitychange', visible);
      };
    },
  };
}
