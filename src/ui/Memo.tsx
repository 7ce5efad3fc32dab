import { Component, type ComponentChildren } from 'preact';

type MemoProps = { deps: readonly unknown[]; render: () => ComponentChildren };

/**
 * Renders `render()`, and renders it again only when one of `deps` is not the same object (or value)
 * as last time: moving the message list's window or adding one event re-renders only the rows that
 * changed, not every row on screen.
 *
 * Each render gives it a new vnode, so nothing of an earlier render stays reachable. (Handing Preact
 * the same vnode again would skip it too, but that vnode keeps the parent of the render it was first
 * diffed in, and with it every row of that render.)
 * For the same reason make `render`, and the functions it hands down, outside the parent's render
 * (see MessageRows.tsx): what it renders keeps them, and they keep the scope they were made in.
 */
export class Memo extends Component<MemoProps> {
  override shouldComponentUpdate(next: MemoProps): boolean {
    const deps = this.props.deps;
    return next.deps.length !== deps.length || next.deps.some((d, i) => d !== deps[i]);
  }

  override render() {
    return this.props.render();
  }
}
