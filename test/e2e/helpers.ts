// Shared Playwright helpers for the browser tests: Debian's Chromium, a static file server for the
// host pages and dist/, and the sandbox started in-process. Everything binds 127.0.0.1:0.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type WebSocket } from 'playwright';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { loginAgent } from '../sandbox/agent-helpers';
import type { TestClient } from '../sandbox/helpers';

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const pagesDir = join(repo, 'test/e2e/pages');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Launches Debian's Chromium headless, without the sandbox and background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  /** `{{NAME}}` in pages (.html, .js) is replaced by `vars.NAME`. */
  vars?: Record<string, string>;
  /** Extra response headers by request path, with its query if any (`/a.html?b`), e.g. a CSP for one page. */
  headers?: Record<string, Record<string, string>>;
  /** More directories to serve, by URL prefix (e.g. `/npm/` → a bundle's outdir). */
  mounts?: Record<string, string>;
  /** Delays responses whose path matches, in ms (to click while the chat loads). */
  delay?: { path: RegExp; ms: number };
}

/** Serves `/dist/*` from dist/, other paths from test/e2e/pages, plus `mounts`. */
export async function startStaticServer(options: StaticOptions = {}): Promise<StaticServer> {
  const mounts: Record<string, string> = { '/dist/': join(repo, 'dist'), ...options.mounts, '/': pagesDir };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const { pathname: path, search } = new URL(req.url ?? '/', 'http://x');
    // Chromium asks for one on every page; a 404 would show up as a console error.
    if (path == '/favicon.ico') return void res.writeHead(204).end();
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p))!;
    const file = normalize(join(mounts[prefix]!, path.slice(prefix.length)));
    if (!file.startsWith(mounts[prefix]!) || !existsSync(file) || !extname(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    let body: string | Buffer = readFileSync(file);
    if (prefix == '/' && /\.(html|js)$/.test(file)) {
      body = body.toString('utf8').replace(/\{\{(\w+)\}\}/g, (m, name: string) => options.vars?.[name] ?? m);
    }
    const send = () =>
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...options.headers?.[path + search] }).end(body);
    if (options.delay?.path.test(path)) setTimeout(send, options.delay.ms);
    else send();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The sandbox, in-process. */
export function sandbox(): Promise<Sandbox> {
  return startSandbox({ port: 0 });
}

/** The page variables every host page uses to reach the sandbox. */
export const sandboxVars = (s: Sandbox) => ({ WS: s.wsUrl, HTTP: s.url });

/**
 * Bundles a host page's TypeScript the way an app would, with `chatlet` resolving to dist/chatlet.mjs
 * and code splitting on; returns the output directory (remove it with `rmSync`). `alias` adds module
 * replacements (paths relative to the repository), `define` build-time constants.
 *
 * @example
 * const dir = await bundleApp('test/e2e/pages/npm-app.ts');
 */
export async function bundleApp(entry: string, extra: { alias?: Record<string, string>; define?: Record<string, string> } = {}): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'chatlet-e2e-'));
  await build({
    entryPoints: [join(repo, entry)],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    alias: { chatlet: join(repo, 'dist/chatlet.mjs'), ...Object.fromEntries(Object.entries(extra.alias ?? {}).map(([k, v]) => [k, join(repo, v)])) },
    ...(extra.define && { define: extra.define }),
    logLevel: 'warning',
  });
  return outdir;
}

/** Removes a directory made by bundleApp. */
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Customer WebSockets a page opens, with every frame it sent, parsed. */
export interface SocketLog {
  sockets: WebSocket[];
  sent: { action: string; payload?: any }[];
  /** Resolves with the first sent frame of `action` (matching `test`), waiting up to 10 s. */
  waitFor(action: string, test?: (payload: any) => boolean): Promise<{ action: string; payload?: any }>;
}

/** Records the page's customer RTM sockets and the frames it sends on them. */
export function recordSockets(page: Page): SocketLog {
  const log: SocketLog = {
    sockets: [],
    sent: [],
    waitFor: async (action, test = () => true) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const frame = log.sent.find((f) => f.action == action && test(f.payload));
        if (frame) return frame;
        if (Date.now() > deadline) throw new Error(`no ${action} frame; sent: ${log.sent.map((f) => f.action).join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/customer/rtm/ws')) return;
    log.sockets.push(ws);
    ws.on('framesent', ({ payload }) => {
      try {
        log.sent.push(JSON.parse(String(payload)));
      } catch {
        // Not JSON: not ours to check here.
      }
    });
  });
  return log;
}

/** The launcher (eager or the UI's) inside the page's only widget. */
export const launcherOf = (page: Page) => page.locator('chatlet-widget').locator('button[aria-label="Open chat"]');

/**
 * Opens the chat with the launcher, waits for login, types `text` into the composer and sends it with
 * Enter, then waits for the `start_chat` it makes (a group with no prechat form).
 *
 * @example
 * await openAndSend(page, recordSockets(page), 'Hello');
 */
export async function openAndSend(page: Page, sockets: SocketLog, text: string): Promise<void> {
  await launcherOf(page).click();
  await sockets.waitFor('login');
  const input = page.locator('chatlet-widget textarea');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await input.press('Enter');
  await sockets.waitFor('start_chat');
}

/** The npm embed's test site around a sandbox: the bundled host page served, Chromium, an agent logged in. */
export interface NpmSite {
  server: Sandbox;
  bundle: string;
  site: StaticServer;
  browser: Browser;
  agent: TestClient;
  /** Closes everything it started, the sandbox included. */
  close(): Promise<void>;
}

/**
 * Starts the npm embed's test site around `server`.
 *
 * @example
 * let env: NpmSite;
 * beforeAll(async () => void (env = await startNpmSite(await sandbox())));
 * afterAll(() => env?.close());
 */
export async function startNpmSite(server: Sandbox): Promise<NpmSite> {
  const bundle = await bundleApp('test/e2e/pages/npm-app.js');
  const site = await startStaticServer({ mounts: { '/npm/': bundle } });
  const browser = await launchBrowser();
  const agent = (await loginAgent(server)).client;
  return {
    server,
    bundle,
    site,
    browser,
    agent,
    async close() {
      await agent.close();
      await browser.close();
      await site.close();
      await server.close();
      removeDir(bundle);
    },
  };
}
