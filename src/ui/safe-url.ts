/**
 * Returns `raw` as an absolute URL string when its scheme is one of `schemes`, else `null`.
 * LiveChat sends avatars and image URLs without a scheme (`cdn.livechatinc.com/a.png`);
 * those get `https://`, like LiveChat's own SDK does. Anything else — `javascript:`, `data:`,
 * relative paths — is refused so it can only ever render as text.
 */
export function safeUrl(raw: unknown, schemes: readonly string[] = ['http:', 'https:']): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(s) ? s : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(s) ? 'https://' + s : '';
  try {
    const u = new URL(withScheme);
    return schemes.includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
