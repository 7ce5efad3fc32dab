import { describe, expect, it } from 'vitest';
import { readScriptConfig } from '../../../src/embed/read-script-config';
import { validateConfig } from '../../../src/embed/validate-config';

const dataset = (attributes: Record<string, string>) => {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script.dataset;
};

describe('readScriptConfig', () => {
  it('reads numbers, booleans and objects as JSON and text options as written', () => {
    const config = readScriptConfig(
      dataset({
        'data-license-id': '12345',
        'data-group-id': '2',
        'data-dark-mode': 'true',
        'data-customer': '{"name":"Ann","fields":{"plan":"pro"}}',
        'data-client-id': '0123',
        'data-nonce': '42',
        'data-api-url': 'ws://127.0.0.1:1/',
        'data-visibility': 'maximized',
        'data-accent-color': '#0a7',
        'data-sound': 'false',
        'data-title-badge': 'true',
        'data-locale': 'zh-Hant-TW',
        'data-attachments': 'false',
        'data-max-file-size': '5242880',
      }),
    );
    expect(config).toEqual({
      licenseId: 12345,
      groupId: 2,
      darkMode: true,
      customer: { name: 'Ann', fields: { plan: 'pro' } },
      clientId: '0123',
      nonce: '42',
      apiUrl: 'ws://127.0.0.1:1/',
      visibility: 'maximized',
      accentColor: '#0a7',
      sound: false,
      titleBadge: true,
      locale: 'zh-Hant-TW',
      attachments: false,
      maxFileSize: 5242880,
    });
    expect(() => validateConfig(config)).not.toThrow();
  });

  it('ignores attributes that are not options', () => {
    expect(readScriptConfig(dataset({ 'data-cfasync': 'false', 'data-license-id': '1' }))).toEqual({ licenseId: 1 });
  });

  it('keeps a malformed value as written, so validation reports it', () => {
    const config = readScriptConfig(dataset({ 'data-license-id': '12a', 'data-customer': '{name:1}' }));
    expect(config).toEqual({ licenseId: '12a', customer: '{name:1}' });
    expect(() => validateConfig(config)).toThrow('chatlet: licenseId must be an integer ≥ 1 (got "12a")');
  });
});
