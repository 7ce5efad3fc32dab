import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserDefaults } from '../../../src/protocol/browser-defaults';

afterEach(() => vi.unstubAllGlobals());

describe('browserDefaults', () => {
  it("reads the page's URL, title, referrer and redirect URI", () => {
    vi.stubGlobal('location', { href: 'https://shop.example/cart?x=1#top', origin: 'https://shop.example', pathname: '/cart' });
    vi.stubGlobal('document', { title: 'Cart', referrer: 'https://search.example/' });
    expect(browserDefaults()).toEqual({
      customerPage: { url: 'https://shop.example/cart?x=1#top', title: 'Cart' },
      referrer: 'https://search.example/',
      redirectUri: 'https://shop.example/cart',
    });
  });

  it('leaves an empty referrer out', () => {
    vi.stubGlobal('location', { href: 'https://shop.example/', origin: 'https://shop.example', pathname: '/' });
    vi.stubGlobal('document', { title: '', referrer: '' });
    expect(browserDefaults().referrer).toBeUndefined();
  });

  it('is empty outside a browser', () => {
    vi.stubGlobal('location', undefined);
    vi.stubGlobal('document', undefined);
    expect(browserDefaults()).toEqual({});
  });
});
