/**
 * Whether the chat is open, collapsed to its launcher, or not shown at all (LiveChat's names).
 *
 * @example
 * widget.on('visibility_changed', ({ visibility }: { visibility: Visibility }) => console.log(visibility));
 */
export type Visibility = 'maximized' | 'minimized' | 'hidden';
