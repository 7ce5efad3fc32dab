// The eager script a host page loads must stay within 2 KB gzip (DESIGN §6) and stay vanilla: the
// chat's code (Preact, signals, client, UI, CSS) belongs in the lazy chunk. Reads the built files,
// so run `node build.mjs` first (`npm test` does).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const read = (file: string) => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node build.mjs\` first`);
  return readFileSync(file);
};

describe('eager script size', () => {
  it('dist/chatlet.js is at most 2048 bytes gzip', () => {
    const gzip = gzipSync(read('dist/chatlet.js'), { level: 9 }).length;
    expect(gzip).toBeLessThanOrEqual(2048);
    // The size table reports the same number.
    const sizes = JSON.parse(read('dist/sizes.json').toString());
    expect(Object.values(sizes).find((s: any) => s.file == 'dist/chatlet.js')).toMatchObject({ gzip });
  });

  it('holds no chat code: no Preact, no widget CSS, no protocol client', () => {
    const code = read('dist/chatlet.js').toString();
    const lazy = read('dist/chatlet-embed.mjs').toString();
    // Markers that the lazy chunk has and the launcher must not (Preact's MathML namespace, the RTM
    // socket path, the chat panel's CSS).
    for (const marker of ['http://www.w3.org/1998/Math/MathML', 'customer/rtm/ws', '.panel{']) {
      expect(lazy).toContain(marker);
      expect(code).not.toContain(marker);
    }
  });

  it('is the only copy of the launcher: the lazy chunk draws with the one handed over', () => {
    const code = read('dist/chatlet.js').toString();
    const lazy = read('dist/chatlet-embed.mjs').toString();
    // The launcher's stylesheet (draw-launcher.ts) and the host element's tag (widget-host.ts).
    for (const marker of [':host>button{position:fixed', '"chatlet-widget"']) {
      expect(code).toContain(marker);
      expect(lazy).not.toContain(marker);
    }
  });
});
