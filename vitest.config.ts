import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// Stylesheets are imported as text, as build.mjs bundles them (and as the UI adopts them).
const cssText: Plugin = {
  name: 'css-text',
  enforce: 'pre',
  resolveId: (id, importer) => (id.endsWith('.css') && importer ? `${new URL(id, `file://${importer}`).pathname}.text` : null),
  load: (id) => (id.endsWith('.css.text') ? `export default ${JSON.stringify(readFileSync(id.slice(0, -5), 'utf8'))};` : null),
};

// One project per kind of test, so each gets the environment it needs:
// unit tests run against happy-dom, sandbox and browser tests in plain Node.
export default defineConfig({
  plugins: [cssText],
  // JSX for Preact, as in tsconfig.json (vitest 4 transforms with oxc).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'sandbox', include: ['test/sandbox/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Fault injection and hostile input against the real client, store and sandbox (Node, real sockets).
        test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'size',
          include: ['test/size/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The packed package in a fresh project: npm pack and install, attw, publint, tsc, Chromium, Node.
        test: { name: 'package', include: ['test/package/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A browser on a loaded 2-core machine can take more than the default second to get there.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
