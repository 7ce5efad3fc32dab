import { signal, type ReadonlySignal } from '@preact/signals-core';

/**
 * Whether the chat is open, collapsed to the launcher, or not shown at all (LiveChat's names).
 *
 * @example
 * const open = (v: Visibility) => v === 'maximized';
 */
export type Visibility = 'maximized' | 'minimized' | 'hidden';

/**
 * What the UI reads about its own presentation and the intents it reports. The embed layer owns
 * visibility: it calls `set` for API commands and hears the visitor's intents through `onChange`.
 *
 * @example
 * const view: ViewStore = createViewStore('minimized');
 * effect(() => console.log(view.visibility.value));
 */
export interface ViewStore {
  visibility: ReadonlySignal<Visibility>;
  /** Text to pre-fill the composer with (`maximize({ messageDraft })`). */
  draft: ReadonlySignal<string>;
  maximize(): void;
  minimize(): void;
  /** Applies a visibility (and optionally a draft) from outside, without echoing it to `onChange`. */
  set(visibility: Visibility, draft?: string): void;
}

/**
 * Creates the view store. The visitor's clicks go through `maximize`/`minimize`, which update the
 * signal and then tell `onChange`, so the embed layer can emit `visibility_changed`.
 *
 * @example
 * const view = createViewStore('minimized', (v) => emit('visibility_changed', { visibility: v }));
 * view.maximize();
 */
export function createViewStore(initial: Visibility, onChange: (v: Visibility) => void = () => {}): ViewStore {
  const visibility = signal(initial);
  const draft = signal('');
  const change = (v: Visibility) => {
    if (visibility.peek() === v) return;
    visibility.value = v;
    onChange(v);
  };
  return {
    visibility,
    draft,
    maximize: () => change('maximized'),
    minimize: () => change('minimized'),
    set(v, text) {
      visibility.value = v;
      if (text !== undefined) draft.value = text;
    },
  };
}
