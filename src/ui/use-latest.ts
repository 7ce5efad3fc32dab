import { useRef } from 'preact/hooks';

/**
 * A ref to the latest `value`, for a callback that outlives the render that made it (a row a Memo
 * keeps, a timer, an observer): it calls what the newest render gave, not what its own render did.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
