import { describe, expect, it } from 'vitest';
import { regionSwitch } from '../../../src/protocol/region-switch';
import { safeStorage } from '../../../src/protocol/safe-storage';
import { fullStorage, memoryStorage } from './fake-storage';

const DEFAULT = 'wss://api.livechatinc.com';
const KEY = 'chatlet_region_42';

describe('regionSwitch', () => {
  it('starts on apiUrl, switches on redirect, and remembers the region only after a login there', () => {
    const backing = memoryStorage();
    const regions = regionSwitch(safeStorage(backing), 42, DEFAULT);
    expect(regions.url).toBe(DEFAULT);
    expect(regions.redirect('fra')).toBe(true);
    expect(regions.url).toBe('wss://api-fra.livechatinc.com');
    expect(backing.data.has(KEY)).toBe(false);
    regions.loggedIn();
    expect(backing.data.get(KEY)).toBe('"fra"');
    expect(regionSwitch(safeStorage(backing), 42, DEFAULT).url).toBe('wss://api-fra.livechatinc.com');
    // License-scoped: another license on the same page starts from the default host.
    expect(regionSwitch(safeStorage(backing), 43, DEFAULT).url).toBe(DEFAULT);
  });

  it('forgets a remembered region as soon as it proves wrong', () => {
    const backing = memoryStorage({ [KEY]: '"fra"' });
    const regions = regionSwitch(safeStorage(backing), 42, DEFAULT);
    expect(regions.url).toBe('wss://api-fra.livechatinc.com');
    expect(regions.redirect('dal')).toBe(true);
    expect(backing.data.has(KEY)).toBe(false);
    regions.loggedIn();
    expect(backing.data.get(KEY)).toBe('"dal"');
  });

  it('switches at most twice, and never to the region it is on', () => {
    const regions = regionSwitch(safeStorage(memoryStorage()), 42, DEFAULT);
    expect(regions.redirect('fra')).toBe(true);
    expect(regions.redirect('fra')).toBe(false);
    expect(regions.redirect('dal')).toBe(true);
    expect(regions.redirect('fra')).toBe(false);
    expect(regions.url).toBe('wss://api-dal.livechatinc.com');
  });

  it('never switches a custom apiUrl, and ignores a remembered region there', () => {
    const backing = memoryStorage({ [KEY]: '"fra"' });
    const regions = regionSwitch(safeStorage(backing), 42, 'ws://127.0.0.1:8080');
    expect(regions.url).toBe('ws://127.0.0.1:8080');
    expect(regions.redirect('fra')).toBe(false);
    expect(regions.url).toBe('ws://127.0.0.1:8080');
  });

  it.each([['not a region name', '"evil.example/x"'], ['corrupt', '"fr'], ['not a string', '{"region":"fra"}']])(
    'ignores a stored value that is %s',
    (_, raw) => {
      expect(regionSwitch(safeStorage(memoryStorage({ [KEY]: raw })), 42, DEFAULT).url).toBe(DEFAULT);
    },
  );

  it('keeps the region in memory for this page when storage is full', () => {
    const regions = regionSwitch(safeStorage(fullStorage()), 42, DEFAULT);
    expect(regions.redirect('fra')).toBe(true);
    regions.loggedIn();
    expect(regions.url).toBe('wss://api-fra.livechatinc.com');
  });
});
