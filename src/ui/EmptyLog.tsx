import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { StringsContext } from './strings';

/**
 * The conversation's log before it has events (the agent's welcome, the offline notice), and while
 * the message list's code loads: the same labelled, polite log, without the list's machinery.
 */
export function EmptyLog({ children }: { children?: ComponentChildren }) {
  return (
    <div class="logw">
      <div class="log" role="log" aria-live="polite" aria-label={useContext(StringsContext).messages} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
