// `npm run demo -- …` arguments: the demo takes the sandbox's dialect flag like `npm run sandbox`.
import { describe, expect, it } from 'vitest';
import { parseDemoArgs, USAGE } from '../../demo/site/start-demo';

describe('npm run demo arguments', () => {
  it('takes --dialect draft|released with the other flags', () => {
    expect(parseDemoArgs(['--dialect', 'released', '--port', '0', '--no-bot'])).toEqual({ dialect: 'released', port: 0, bot: false });
    expect(parseDemoArgs(['--dialect', 'draft'])).toEqual({ dialect: 'draft' });
    expect(parseDemoArgs([])).toEqual({});
  });

  it('refuses an unknown dialect with the usage line', () => {
    expect(parseDemoArgs(['--dialect', 'v3.2'])).toBe(`unexpected argument --dialect\n${USAGE}`);
    expect(parseDemoArgs(['--dialect'])).toContain('--dialect draft|released');
  });
});
