import { describe, expect, it } from 'vitest';
import { regionUrl } from '../../../src/protocol/region-url';

describe('regionUrl', () => {
  it("puts the region into LiveChat's default host", () => {
    expect(regionUrl('wss://api.livechatinc.com', 'fra')).toBe('wss://api-fra.livechatinc.com');
    expect(`${regionUrl('wss://api.livechatinc.com', 'fra')}/v3.1/customer/rtm/ws?license_id=12345`).toBe(
      'wss://api-fra.livechatinc.com/v3.1/customer/rtm/ws?license_id=12345',
    );
  });

  it('replaces the region of a regional LiveChat host, keeping a port or path', () => {
    expect(regionUrl('wss://api-fra.livechatinc.com', 'dal')).toBe('wss://api-dal.livechatinc.com');
    expect(regionUrl('wss://api.livechatinc.com:443/base', 'fra-a')).toBe('wss://api-fra-a.livechatinc.com:443/base');
  });

  it.each([
    'ws://127.0.0.1:8080',
    'wss://chat.example.com',
    'ws://api.livechatinc.com',
    'wss://api.livechatinc.com.evil.example',
    'wss://myapi.livechatinc.com',
    'wss://api.livechatinc.community',
  ])('leaves %s alone: a custom apiUrl cannot be switched', (apiUrl) => {
    expect(regionUrl(apiUrl, 'fra')).toBeUndefined();
  });

  it.each([undefined, null, 7, '', 'FRA', 'fra.evil.example', 'fra/x', 'fra:1', '-fra', 'fra-', 'a'.repeat(21), { region: 'fra' }])(
    'refuses %j as a region: it goes into a host name',
    (region) => {
      expect(regionUrl('wss://api.livechatinc.com', region)).toBeUndefined();
    },
  );
});
