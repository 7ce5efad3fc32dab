// `chatlet/react` (dist/react.mjs) is a thin layer: the app's React and the widget of `chatlet`
// (dist/chatlet.mjs, imported, not copied), at most 2 KB gzip, and no part of an English visitor's
// first open; no other entry holds anything of React. Reads the built files: run `node build.mjs` first.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const read = (file: string) => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node build.mjs\` first`);
  return readFileSync(file, 'utf8');
};

describe('chatlet/react', () => {
  it('imports React and the widget, and bundles neither', () => {
    const code = read('dist/react.mjs');
    const imported = [...code.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*\(\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect([...new Set(imported)].sort()).toEqual(['./chatlet.mjs', 'react']);
    // The widget's host element and React's internals are elsewhere.
    expect(code).not.toContain('chatlet-widget');
    expect(code).not.toMatch(/__SECRET_INTERNALS|react\.element|ReactCurrentOwner/);
    const gzip = gzipSync(code, { level: 9 }).length;
    expect(gzip).toBeLessThanOrEqual(2048);
    expect(JSON.parse(read('dist/sizes.json'))['react.mjs (npm)']).toMatchObject({ file: 'dist/react.mjs', gzip });
  });

  it('is in no other entry or chunk', () => {
    for (const file of ['dist/chatlet.js', 'dist/chatlet-embed.mjs', 'dist/chatlet.mjs', 'dist/chatlet-app.mjs', 'dist/client.mjs']) {
      expect(read(file), file).not.toMatch(/"react"|useSyncExternalStore|react\.mjs/);
    }
  });
});
