import { describe, expect, it } from 'vitest';
import { themeCss } from '../../../src/embed/theme-css';

describe('themeCss', () => {
  it('follows the system colour scheme and the right side by default', () => {
    expect(themeCss({})).toBe(':host{color-scheme:light dark;}');
    expect(themeCss({ darkMode: 'auto', position: 'right' })).toBe(':host{color-scheme:light dark;}');
  });

  it('sets dark or light mode, the left side, the accent and the z-index', () => {
    expect(themeCss({ darkMode: true, position: 'left', accentColor: '#0a7', zIndex: 0 })).toBe(
      ':host{color-scheme:dark;--chatlet-left:20px;--chatlet-right:auto;--chatlet-accent:#0a7;--chatlet-z:0;}',
    );
    expect(themeCss({ darkMode: false })).toBe(':host{color-scheme:light;}');
  });
});
