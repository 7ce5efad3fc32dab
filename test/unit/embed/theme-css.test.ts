import { describe, expect, it } from 'vitest';
import { themeCss } from '../../../src/embed/theme-css';

describe('themeCss', () => {
  it('sets nothing for the defaults (right side, default accent and z-index)', () => {
    expect(themeCss({})).toBe(':host{}');
    expect(themeCss({ position: 'right', darkMode: true })).toBe(':host{}');
  });

  it('sets the left side, the accent and the z-index', () => {
    expect(themeCss({ position: 'left', accentColor: '#0a7', zIndex: 0 })).toBe(
      ':host{--chatlet-left:20px;--chatlet-right:auto;--chatlet-accent:#0a7;--chatlet-z:0;}',
    );
  });
});
