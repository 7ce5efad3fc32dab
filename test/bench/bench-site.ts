// The host pages the browser benchmarks load, served from memory on loopback: one ordinary page
// (a shop's product page, no scripts of its own) bare, with Chatlet's script tag, and with
// LiveChat's customer SDK bundled in (evaluated only: it has nowhere to connect to here).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

// The benches run from the repository root (npm scripts do), bundled to a temporary file by
// demo/run-ts.mjs, so the module's own URL says nothing about where the repository is.
const repo = process.cwd();

/** The pages: `bare`, `chatlet` (script tag) and `sdk` (LiveChat customer SDK), each at `/<name>.html`. */
export type HostPage = 'bare' | 'chatlet' | 'sdk';

export interface BenchSite {
  url: string;
  /** Size of the SDK bundle (minified, and gzip level 9), for the notes under the table. */
  sdk: { minified: number; gzip: number };
  close(): Promise<void>;
}

// Enough of a page to have layout and a few hundred nodes, like the pages the widget lands on.
function hostPage(extraHead: string): string {
  const cards = Array.from(
    { length: 24 },
    (_, i) => `<article class="card"><h3>Roast no. ${i + 1}</h3><p>Notes of cocoa, citrus and honey. Roasted on Tuesdays.</p><button type="button">Add to cart</button></article>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chatlet bench host page</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #222; }
header, footer { background: #3b2a20; color: #fff; padding: 16px 24px; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; padding: 24px; }
.card { border: 1px solid #ddd; border-radius: 8px; padding: 16px; }
</style>
${extraHead}
</head>
<body>
<header><h1>Chatlet Coffee</h1><nav><a href="#">Home</a> · <a href="#">Shop</a> · <a href="#">Contact</a></nav></header>
<main>
${cards}
</main>
<footer><p>Freshly roasted since 2024.</p></footer>
</body>
</html>`;
}

async function sdkBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: "import * as CustomerSDK from '@livechat/customer-sdk'; window.CustomerSDK = CustomerSDK;", resolveDir: repo, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Starts the site on 127.0.0.1:0; the Chatlet page's widget talks to the sandbox at `sandbox`
 * (`{ws, http}`). Serves `dist` (default: the repository's dist/, built by `node build.mjs --no-types`).
 *
 * @example
 * const site = await startBenchSite({ ws: sandbox.wsUrl, http: sandbox.url });
 * await page.goto(`${site.url}/chatlet.html`);
 */
export async function startBenchSite(sandbox: { ws: string; http: string }, dist = join(repo, 'dist')): Promise<BenchSite> {
  if (!existsSync(join(dist, 'chatlet.js'))) throw new Error('dist/chatlet.js is missing: run `node build.mjs --no-types` first');
  const sdk = await sdkBundle();
  const pages: Record<string, string> = {
    '/bare.html': hostPage(''),
    '/chatlet.html': hostPage(
      `<script async src="/dist/chatlet.js" data-license-id="12345" data-api-url="${sandbox.ws}" data-accounts-url="${sandbox.http}"></script>`,
    ),
    '/sdk.html': hostPage('<script async src="/sdk.js"></script>'),
    '/sdk.js': sdk,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages[path];
    if (page !== undefined) {
      const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
      return void res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(page);
    }
    const file = normalize(join(dist, path.replace(/^\/dist\//, '')));
    if (!path.startsWith('/dist/') || !file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
    const type = extname(file) === '.css' ? 'text/css' : 'text/javascript';
    // Cacheable like a CDN's copy, so a second page view measures a warm cache.
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'public, max-age=3600' }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sdk: { minified: Buffer.byteLength(sdk), gzip: gzipSync(sdk, { level: 9 }).length },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
