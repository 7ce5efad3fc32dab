// The UI's whole signals integration. `@preact/signals` would track every component through Preact's
// option hooks and bring signal-as-text bindings and hooks the widget never uses (about 1 KB gzip);
// only the few components that read the store need tracking, so they say so by being wrapped.
import { effect } from '@preact/signals-core';
import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Makes a function component re-render when a signal it read while rendering changes. Each render
 * runs inside a fresh effect that only records what it reads; the first change after that schedules
 * a re-render (which records afresh), and unmounting stops listening.
 *
 * @example
 * export const Unread = tracked(() => <span>{store.unreadCount.value}</span>);
 */
export function tracked<P>(component: FunctionComponent<P>): FunctionComponent<P> {
  return (props, context) => {
    const rerender = useState(0)[1];
    const stop = useRef<() => void>(undefined);
    stop.current?.();
    let out: ReturnType<FunctionComponent<P>> = null;
    let rendering = true;
    stop.current = effect(() => {
      // A block body: a function returned from an effect would be taken for its cleanup.
      if (rendering) out = component(props, context);
      else rerender((n) => n + 1);
    });
    rendering = false;
    useEffect(() => () => stop.current!(), []);
    return out;
  };
}
