import { afterEach, describe, expect, it, vi } from 'vitest';
import { loginPayload } from '../../../src/protocol/login-payload';

afterEach(() => vi.unstubAllGlobals());

describe('loginPayload', () => {
  it('sends only the token outside a browser when nothing else is set (the seed minimal sample)', () => {
    vi.stubGlobal('location', undefined);
    expect(JSON.parse(JSON.stringify(loginPayload({ licenseId: 1 }, 'dal:x', {})))).toEqual({ token: 'Bearer dal:x' });
  });

  it('sends every option given', () => {
    expect(
      loginPayload(
        { licenseId: 1, customer: { name: 'Ada' }, customerPage: { url: 'https://a.example/' }, groupId: 0, referrer: 'https://r.example/', isMobile: false },
        't',
        { customer_visits: '2' },
      ),
    ).toEqual({
      token: 'Bearer t',
      customer: { name: 'Ada' },
      customer_page: { url: 'https://a.example/' },
      customer_side_storage: { customer_visits: '2' },
      group_id: 0,
      referrer: 'https://r.example/',
      is_mobile: false,
    });
  });

  it("reads the browser's page and referrer at each call", () => {
    vi.stubGlobal('location', { href: 'https://shop.example/a', origin: 'https://shop.example', pathname: '/a' });
    vi.stubGlobal('document', { title: 'A', referrer: 'https://search.example/' });
    expect(loginPayload({ licenseId: 1 }, 't', {})).toMatchObject({
      customer_page: { url: 'https://shop.example/a', title: 'A' },
      referrer: 'https://search.example/',
    });
    vi.stubGlobal('location', { href: 'https://shop.example/b', origin: 'https://shop.example', pathname: '/b' });
    expect(loginPayload({ licenseId: 1 }, 't', {}).customer_page).toEqual({ url: 'https://shop.example/b', title: 'A' });
  });
});
