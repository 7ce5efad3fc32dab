import { afterEach, describe, expect, it } from 'vitest';
import { createWidgetHost } from '../../../src/embed/widget-host';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createWidgetHost', () => {
  it('adopts constructable stylesheets into an open shadow root and removes them again', () => {
    const host = createWidgetHost(document.body);
    expect(host.root.mode).toBe('open');
    const removeA = host.addStyles('a{color:red}');
    host.addStyles('b{color:blue}');
    expect(host.root.adoptedStyleSheets).toHaveLength(2);
    removeA();
    expect(host.root.adoptedStyleSheets).toHaveLength(1);
    expect(host.root.querySelector('style')).toBeNull();
    expect(document.head.children).toHaveLength(0);
    host.remove();
    expect(document.body.children).toHaveLength(0);
  });

  it('falls back to a <style nonce> in the shadow root without constructable stylesheets', () => {
    // Hide `adoptedStyleSheets` wherever on the prototype chain it lives, as in browsers before 2023.
    let owner: object = ShadowRoot.prototype;
    while (!Object.hasOwn(owner, 'adoptedStyleSheets')) owner = Object.getPrototypeOf(owner);
    const adopted = Object.getOwnPropertyDescriptor(owner, 'adoptedStyleSheets')!;
    delete (owner as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    try {
      expect('adoptedStyleSheets' in ShadowRoot.prototype).toBe(false);
      const host = createWidgetHost(document.body, 'n0nce');
      const remove = host.addStyles('a{color:red}');
      const style = host.root.querySelector('style')!;
      expect(style.nonce).toBe('n0nce');
      expect(style.textContent).toBe('a{color:red}');
      remove();
      expect(host.root.querySelector('style')).toBeNull();
    } finally {
      Object.defineProperty(owner, 'adoptedStyleSheets', adopted);
    }
  });
});
