import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Checks the widget palette against WCAG AA (4.5:1 for text) in both schemes, reading the colours
// from styles/widget.css itself so a palette edit that breaks contrast fails here.
const css = readFileSync(resolve(__dirname, '../../../styles/widget.css'), 'utf8');

type RGB = [number, number, number];
const hex = (h: string): RGB => {
  const v = h.replace('#', '');
  const full = v.length === 3 ? [...v].map((c) => c + c).join('') : v;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as RGB;
};
const lum = ([r, g, b]: RGB) => {
  const ch = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
};
const ratio = (a: RGB, b: RGB) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const mix = (a: RGB, b: RGB, wa: number): RGB => a.map((c, i) => Math.round(c * wa + b[i]! * (1 - wa))) as RGB;

// The default accent and its text colour, as the stylesheet falls back to them.
const accent = hex(css.match(/--chatlet-accent,(#[0-9a-f]+)/i)![1]!);
const onAccent = hex(css.match(/--chatlet-on-accent,(#[0-9a-f]+)/i)![1]!);

function palette(scheme: 'light' | 'dark'): Record<string, RGB> {
  const out: Record<string, RGB> = { a: accent, on: onAccent };
  for (const m of css.matchAll(/--(\w+):light-dark\(([^,]+),([^;]+?)\)(?=;|\})/g)) {
    const value = (scheme === 'light' ? m[2] : m[3])!.trim();
    if (value.startsWith('#')) out[m[1]!] = hex(value);
    else if (value === 'var(--a)') out[m[1]!] = accent;
    else {
      const cm = value.match(/color-mix\(in srgb,var\(--a\) (\d+)%,(#[0-9a-f]+)\)/i);
      if (cm) out[m[1]!] = mix(accent, hex(cm[2]!), Number(cm[1]) / 100);
    }
  }
  return out;
}

const pairs: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'sf'],
  ['mu', 'bg'],
  ['mu', 'sf'],
  ['at', 'bg'],
  ['wf', 'wb'],
  ['ef', 'eb'],
  ['ef', 'bg'],
  ['on', 'a'],
];

describe('widget palette contrast', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`meets 4.5:1 for every text colour in ${scheme} mode`, () => {
      const p = palette(scheme);
      for (const [fg, bg] of pairs) {
        expect(p[fg], `--${fg}`).toBeDefined();
        expect(p[bg], `--${bg}`).toBeDefined();
        expect(ratio(p[fg]!, p[bg]!), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('keeps the unread badge legible', () => {
    const badge = css.match(/\.badge\{[^}]*background:(#[0-9a-f]+);color:(#[0-9a-f]+)/i)!;
    expect(ratio(hex(badge[1]!), hex(badge[2]!))).toBeGreaterThanOrEqual(4.5);
  });
});
