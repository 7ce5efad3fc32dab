import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/embed/validate-config';

describe('validateConfig', () => {
  it('fills in the defaults of DESIGN §2', () => {
    expect(validateConfig({ licenseId: 12345 })).toEqual({
      licenseId: 12345,
      apiUrl: 'wss://api.livechatinc.com',
      accountsUrl: 'https://accounts.livechatinc.com',
      groupId: 0,
      visibility: 'minimized',
      consent: 'granted',
      position: 'right',
      darkMode: 'auto',
    });
  });

  it('keeps every valid option and treats undefined as absent', () => {
    const target = document.createElement('div');
    const getToken = async () => ({ accessToken: 'a', entityId: 'e', expiresIn: 60, tokenType: 'Bearer' });
    const config = validateConfig({
      licenseId: 1,
      apiUrl: 'ws://127.0.0.1:8080',
      accountsUrl: 'http://127.0.0.1:8080',
      clientId: 'abc',
      getToken,
      customer: { name: 'Ann', email: 'ann@example.com', avatar: 'https://x/a.png', fields: { plan: 'pro' } },
      visibility: 'hidden',
      consent: 'on-interaction',
      accentColor: 'rgb(0 128 0)',
      position: 'left',
      zIndex: 10,
      darkMode: true,
      strings: { open: 'Talk to us' },
      nonce: 'r4nd0m',
      locale: 'pt-BR',
      target,
      sound: false,
      titleBadge: true,
      groupId: undefined,
      attachments: false,
      maxFileSize: 10485760,
    });
    expect(config).toMatchObject({ groupId: 0, target, getToken, darkMode: true, accentColor: 'rgb(0 128 0)', attachments: false, maxFileSize: 10485760, locale: 'pt-BR' });
    expect(validateConfig({ licenseId: 1, maxFileSize: 1, attachments: true })).toMatchObject({ maxFileSize: 1, attachments: true });
  });

  it.each([
    [{}, 'chatlet: licenseId is required'],
    [{ licenseId: '12345' }, 'chatlet: licenseId must be an integer ≥ 1 (got "12345")'],
    [{ licenseId: 1.5 }, 'chatlet: licenseId must be an integer ≥ 1 (got 1.5)'],
    [{ licenseId: 1, licence: 2 }, 'chatlet: unknown option "licence"'],
    [{ licenseId: 1, groupId: -1 }, 'chatlet: groupId must be an integer ≥ 0 (got -1)'],
    [{ licenseId: 1, sound: 'off' }, 'chatlet: sound must be one of true,false (got "off")'],
    [{ licenseId: 1, titleBadge: 1 }, 'chatlet: titleBadge must be one of true,false (got 1)'],
    [{ licenseId: 1, apiUrl: 'https://api.x' }, 'chatlet: apiUrl must be a URL matching /^wss?:\\/\\/./ (got "https://api.x")'],
    [{ licenseId: 1, accountsUrl: 'ftp://x' }, 'chatlet: accountsUrl must be a URL matching /^https?:\\/\\/./ (got "ftp://x")'],
    [{ licenseId: 1, accentColor: 'red;}*{display:none' }, 'chatlet: accentColor must be a CSS colour (got "red;}*{display:none")'],
    [{ licenseId: 1, visibility: 'open' }, 'chatlet: visibility must be one of maximized,minimized,hidden (got "open")'],
    [{ licenseId: 1, consent: true }, 'chatlet: consent must be one of granted,on-interaction (got true)'],
    [{ licenseId: 1, darkMode: 'yes' }, 'chatlet: darkMode must be one of true,false,auto (got "yes")'],
    [{ licenseId: 1, getToken: 'token' }, 'chatlet: getToken must be a function (got "token")'],
    [{ licenseId: 1, attachments: 'no' }, 'chatlet: attachments must be one of true,false (got "no")'],
    [{ licenseId: 1, maxFileSize: 0 }, 'chatlet: maxFileSize must be an integer from 1 to 10485760 (bytes) (got 0)'],
    [{ licenseId: 1, maxFileSize: 10485761 }, 'chatlet: maxFileSize must be an integer from 1 to 10485760 (bytes) (got 10485761)'],
    [{ licenseId: 1, maxFileSize: 1.5 }, 'chatlet: maxFileSize must be an integer from 1 to 10485760 (bytes) (got 1.5)'],
    [{ licenseId: 1, maxFileSize: '5MB' }, 'chatlet: maxFileSize must be an integer from 1 to 10485760 (bytes) (got "5MB")'],
    [{ licenseId: 1, customer: { name: 'A', phone: '1' } }, /^chatlet: customer must be \{name, email/],
    [{ licenseId: 1, customer: { fields: { a: 1 } } }, /^chatlet: customer must be/],
    [{ licenseId: 1, customer: 'Ann' }, /^chatlet: customer must be/],
    [{ licenseId: 1, customer: null }, /^chatlet: customer must be/],
    [{ licenseId: 1, customer: [] }, /^chatlet: customer must be/],
    [{ licenseId: 1, strings: { open: 1 } }, 'chatlet: strings must be an object of strings (got {"open":1})'],
    [{ licenseId: 1, target: '#chat' }, 'chatlet: target must be an element (got "#chat")'],
    [{ licenseId: 1, zIndex: '9' }, 'chatlet: zIndex must be an integer ≥ 0 (got "9")'],
    [{ licenseId: 1, nonce: 5 }, 'chatlet: nonce must be a string (got 5)'],
    [{ licenseId: 1, locale: 'German' }, 'chatlet: locale must be a language tag like "pt-BR" (got "German")'],
    [{ licenseId: 1, locale: ['de'] }, 'chatlet: locale must be a language tag like "pt-BR" (got ["de"])'],
    [{ licenseId: 1, locale: '' }, /^chatlet: locale must be a language tag/],
  ])('rejects %j', (input, message) => {
    expect(() => validateConfig(input as never)).toThrow(TypeError);
    expect(() => validateConfig(input as never)).toThrow(message);
  });
});
