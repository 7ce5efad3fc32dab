// Budget: `chatlet/client` built on its own (dist/client.mjs, minified) is at most 6 KB gzip.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const BUDGET = 6 * 1024;
const SIZES = 'dist/sizes.json';

/** Newest modification time of the client's sources. */
const newestSource = (dir = 'src/protocol'): number =>
  Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run --project size` rebuilds when dist is missing or stale.
  if (!existsSync(SIZES) || statSync(SIZES).mtimeMs < newestSource()) {
    execFileSync(process.execPath, ['build.mjs', '--no-types'], { stdio: 'inherit' });
  }
}, 120_000);

describe('chatlet/client size', () => {
  it(`is at most ${BUDGET} bytes gzip`, () => {
    const { client } = JSON.parse(readFileSync(SIZES, 'utf8'));
    expect(client.file).toBe('dist/client.mjs');
    // The table must describe the file that is actually there.
    expect(gzipSync(readFileSync(client.file), { level: 9 }).length).toBe(client.gzip);
    expect(client.gzip).toBeLessThanOrEqual(BUDGET);
  });

  it("loads uploadFile's code only on the first upload, from a chunk that imports nothing", () => {
    const code = readFileSync('dist/client.mjs', 'utf8');
    const chunk = readFileSync('dist/client-upload-file.mjs', 'utf8');
    // No static import: the entry alone is what a client that never uploads loads.
    expect(code).not.toMatch(/\bimport(?!\()/);
    expect(code).toContain('import("./client-upload-file.mjs")');
    expect(chunk).not.toMatch(/\bimport\b/);
    expect(chunk).toContain('XMLHttpRequest');
    const sizes = JSON.parse(readFileSync(SIZES, 'utf8'));
    expect(sizes['client-upload-file (lazy)']).toMatchObject({ file: 'dist/client-upload-file.mjs', gzip: gzipSync(chunk, { level: 9 }).length });
  });

  it('does not bundle Preact or touch the DOM at import time', () => {
    const code = readFileSync('dist/client.mjs', 'utf8');
    expect(code).not.toMatch(/preact/i);
    expect(code).not.toMatch(/document\.(createElement|body|head)/);
  });
});
