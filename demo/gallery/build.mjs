// Builds the UI gallery into demo/gallery/dist (gitignored) and optionally serves it or screenshots
// every scene with Playwright and Debian's Chromium.
//
//   node demo/gallery/build.mjs            build only
//   node demo/gallery/build.mjs --serve    build, then serve on http://127.0.0.1:5178 until Ctrl-C
//   node demo/gallery/build.mjs --shots    build, screenshot every scene to dist/shots/<scene>.png, exit
import { build, transform } from 'esbuild';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'dist');
mkdirSync(out, { recursive: true });

// CSS is imported as minified text, the way the widget bundle injects it into its shadow root.
const cssText = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

await build({
  entryPoints: [join(here, 'gallery.tsx')],
  outfile: join(out, 'gallery.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  plugins: [cssText],
  logLevel: 'warning',
});
// The scene list (names, sizes) for --shots, runnable in Node.
await build({
  entryPoints: [join(here, 'scenes.ts')],
  outfile: join(out, 'scenes-list.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
for (const f of ['index.html', 'page.css', 'img']) cpSync(join(here, f), join(out, f), { recursive: true });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Serves dist on 127.0.0.1:`port`; resolves with the server and its base URL. */
function serve(port) {
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(out, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

if (process.argv.includes('--serve')) {
  const { url } = await serve(5178);
  console.log(`gallery: ${url}`);
} else if (process.argv.includes('--shots')) {
  const { chromium } = await import('playwright');
  const { scenes } = await import('./dist/scenes-list.mjs');
  const { server, url } = await serve(0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    mkdirSync(join(out, 'shots'), { recursive: true });
    const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
    for (const s of scenes.filter((x) => only.length === 0 || only.includes(x.name))) {
      const page = await browser.newPage({ viewport: { width: s.width ?? 500, height: s.height ?? 820 }, deviceScaleFactor: 2 });
      page.on('pageerror', (e) => console.error(`${s.name}: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && console.error(`${s.name}: ${m.text()}`));
      await page.goto(`${url}?scene=${s.name}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, 'shots', `${s.name}.png`) });
      await page.close();
    }
    console.log(`screenshots in ${join(out, 'shots')}`);
  } finally {
    await browser.close();
    server.close();
  }
}
