import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../../src/ui/safe-url';

describe('safeUrl', () => {
  it('keeps http(s) URLs and adds https to scheme-less hosts', () => {
    expect(safeUrl('https://a.io/x')).toBe('https://a.io/x');
    expect(safeUrl('http://a.io')).toBe('http://a.io/');
    expect(safeUrl('cdn.livechatinc.com/avatars/1.png')).toBe('https://cdn.livechatinc.com/avatars/1.png');
  });

  it('refuses every other scheme, relative paths and non-strings', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', 'x', '', null, 42, {}]) {
      expect(safeUrl(bad), String(bad)).toBeNull();
    }
  });

  it('allows extra schemes only when asked', () => {
    expect(safeUrl('tel:+48123')).toBeNull();
    expect(safeUrl('tel:+48123', ['tel:'])).toBe('tel:+48123');
  });
});
