// Runs a TypeScript entry point under plain Node 20: esbuild bundles it (dependencies left
// external) into a temporary module next to node_modules, which is then imported.
// Node 20 cannot strip types itself, and this avoids a loader dependency.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node demo/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outdir = resolve('node_modules/.cache/chatlet-run');
mkdirSync(outdir, { recursive: true });
// One file per process, so two runs of the same entry starting at once never collide.
const outfile = resolve(outdir, `${basename(entry).replace(/\.tsx?$/, '')}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  // The module is loaded once imported; the file itself is no longer needed.
  rmSync(outfile, { force: true });
}
