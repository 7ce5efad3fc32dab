import { signal } from '@preact/signals-core';
import { afterEach, describe, expect, it } from 'vitest';
import { titleBadge } from '../../../src/embed/title-badge';

afterEach(() => {
  document.title = '';
});

describe('titleBadge', () => {
  it('counts unread messages before the title and puts the title back exactly when they are read', () => {
    const doc = { title: 'Shoes — Shop', head: null };
    const count = signal(0);
    const badge = titleBadge(doc, count);
    expect(doc.title).toBe('Shoes — Shop');
    count.value = 2;
    expect([doc.title, badge.title()]).toEqual(['(2) Shoes — Shop', 'Shoes — Shop']);
    count.value = 3;
    expect(doc.title).toBe('(3) Shoes — Shop');
    count.value = 0;
    expect(doc.title).toBe('Shoes — Shop');
  });

  it("badges a title the page sets meanwhile, and leaves the page's title in place", () => {
    const doc = { title: 'Home', head: null };
    const count = signal(1);
    const badge = titleBadge(doc, count);
    doc.title = 'Cart';
    expect(badge.title()).toBe('Cart');
    count.value = 2;
    expect(doc.title).toBe('(2) Cart');
    doc.title = 'Checkout';
    count.value = 0;
    expect(doc.title).toBe('Checkout');
  });

  it('puts the title back on dispose, and touches it no more', () => {
    const doc = { title: 'Home', head: null };
    const count = signal(4);
    const badge = titleBadge(doc, count);
    expect(doc.title).toBe('(4) Home');
    badge.dispose();
    expect(doc.title).toBe('Home');
    count.value = 5;
    expect(doc.title).toBe('Home');
  });

  it("follows the page's own title changes as they happen, in a real document", async () => {
    document.title = 'Home';
    const count = signal(1);
    const badge = titleBadge(document, count);
    expect(document.title).toBe('(1) Home');
    document.title = 'Route two';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.title).toBe('(1) Route two');
    badge.dispose();
    expect(document.title).toBe('Route two');
  });
});
