import type { CustomerPage } from './types';

/**
 * The login defaults a browser page provides, read on each call (an SPA may have navigated): the page's
 * URL and title, the referrer, and the OAuth redirect URI (origin + path). Empty outside a browser.
 */
export function browserDefaults(): { customerPage?: CustomerPage; referrer?: string; redirectUri?: string } {
  const { location, document } = globalThis as unknown as Partial<Window>;
  if (!location?.href) return {};
  return {
    customerPage: { url: location.href, title: document?.title ?? '' },
    referrer: document?.referrer || undefined,
    redirectUri: location.origin + location.pathname,
  };
}
