// Builds every published output with esbuild and prints a size table (minified and gzip bytes).
// Later outputs (the widget's IIFE script and its lazy chunks) are added to `outputs` below.
//
//   node build.mjs            build everything, emit declarations, print sizes
//   node build.mjs --no-types skip the declaration files (faster, used by tests)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const withTypes = !process.argv.includes('--no-types');

/** Each output: an entry, where it goes, and the esbuild options that differ from the defaults. */
const outputs = [
  { name: 'client', entry: 'src/protocol/index.ts', outfile: 'dist/client.mjs', format: 'esm' },
];

const common = {
  bundle: true,
  minify: true,
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
};

mkdirSync('dist', { recursive: true });
const sizes = {};
for (const o of outputs) {
  await build({ ...common, entryPoints: [o.entry], outfile: o.outfile, format: o.format });
  const code = readFileSync(o.outfile);
  sizes[o.name] = { file: o.outfile, minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
writeFileSync('dist/sizes.json', JSON.stringify(sizes, null, 2) + '\n');

if (withTypes) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}

const pad = (s, n) => String(s).padStart(n);
console.log('output'.padEnd(24) + pad('minified', 10) + pad('gzip', 10));
for (const [name, s] of Object.entries(sizes)) {
  console.log(`${name.padEnd(24)}${pad(s.minified, 10)}${pad(s.gzip, 10)}`);
}
