// Bundles the agent console (Preact, TypeScript) in memory with esbuild, for the demo server
// to serve as `/agent/main.js`. Node-only: the demo start script calls it.
import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * The console's browser bundle as JavaScript text (ES module, minified, inline source map).
 * @example
 * const script = await buildConsole(process.cwd());
 */
export async function buildConsole(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'demo/agent/main.tsx')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no console bundle');
  return out.text;
}
