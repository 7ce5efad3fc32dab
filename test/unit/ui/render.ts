// Renders Preact trees into a detached container for component tests (no testing-library).
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** A rendered tree: its container, a re-render and an unmount. */
export interface Rendered {
  root: HTMLElement;
  rerender: (vnode: ComponentChild) => void;
  unmount: () => void;
}

const mounted = new Set<Rendered>();

/** Renders `vnode` into a fresh container attached to the document (so focus and events work). */
export function mount(vnode: ComponentChild): Rendered {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(vnode, root));
  const r: Rendered = {
    root,
    rerender: (v) => act(() => render(v, root)),
    unmount: () => {
      act(() => render(null, root));
      root.remove();
      mounted.delete(r);
    },
  };
  mounted.add(r);
  return r;
}

/** Unmounts everything `mount` rendered; call from `afterEach`. */
export function cleanup(): void {
  for (const r of [...mounted]) r.unmount();
}

/** Clicks an element inside `act`, so state updates have rendered when it returns. */
export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('click: no element');
  act(() => (el as HTMLElement).click());
}

/** Dispatches a keyboard event inside `act`. */
export function key(el: Element | null | undefined, keyName: string, init: KeyboardEventInit = {}): KeyboardEvent {
  if (!el) throw new Error('key: no element');
  const ev = new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init });
  act(() => {
    el.dispatchEvent(ev);
  });
  return ev;
}

/** Sets a form control's value and fires `input` (and `change`) inside `act`. */
export function type(el: Element | null | undefined, value: string): void {
  if (!el) throw new Error('type: no element');
  const input = el as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Every element of `root` matching `sel`. */
export const all = (root: ParentNode, sel: string): Element[] => [...root.querySelectorAll(sel)];

/**
 * Asserts nothing in `root` can execute: no script/iframe/object outside the allowed webview, no
 * `on*` attributes, no `style` attributes, and every href/src uses an allowed scheme.
 */
export function inertProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const el of all(root, '*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'object', 'embed', 'style', 'link', 'meta', 'base'].includes(tag)) problems.push(`<${tag}>`);
    for (const a of [...el.attributes]) {
      if (/^on/i.test(a.name)) problems.push(`${tag}[${a.name}]`);
      if (a.name === 'style') problems.push(`${tag}[style]`);
      if (['href', 'src', 'srcset', 'action', 'formaction'].includes(a.name) && !/^(https?:|tel:)/i.test(a.value.trim())) {
        problems.push(`${tag}[${a.name}=${a.value}]`);
      }
    }
  }
  return problems;
}
