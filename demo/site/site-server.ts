// The demo's web server: the Chatlet Coffee pages, the agent console and the built widget from
// `dist/`, on one loopback origin. HTML pages are templates whose `{{name}}` slots get the
// sandbox's addresses and the chat's language; every page is served with a strict Content Security
// Policy (no inline scripts or styles), which the widget must live with like on any careful site.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface SiteServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Repository root: `demo/site`, `demo/agent` and `dist` are read from here. */
  root: string;
  /** Values for the pages' `{{name}}` slots: licenseId, apiUrl, accountsUrl, agentToken. */
  slots: Record<string, string>;
  /** The sandbox's http and ws origins, allowed as connect targets by the CSP. */
  sandboxOrigins: string[];
  /** The bundled agent console (see demo/agent/build-console.ts). */
  agentScript: string;
}

export interface SiteServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  map: 'application/json',
  svg: 'image/svg+xml',
  json: 'application/json',
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The languages the pages' switcher offers the chat in. */
const LANGUAGES = ['en', 'de', 'ar'];

/**
 * The chat's language for a page request: the switcher's `?lang=`, else the one it chose before (a
 * cookie), else English. The page is in English either way: the script tag's `data-locale` changes.
 * @example
 * chatLanguage('?lang=de', undefined); // { locale: 'de', remember: true }
 */
export function chatLanguage(search: string, cookie: string | undefined): { locale: string; remember: boolean } {
  const asked = new URLSearchParams(search).get('lang');
  if (asked && LANGUAGES.includes(asked)) return { locale: asked, remember: true };
  const kept = /(?:^|;\s*)chat-lang=([a-z]+)/.exec(cookie ?? '')?.[1];
  return { locale: kept && LANGUAGES.includes(kept) ? kept : 'en', remember: false };
}

/**
 * Maps a request path to a file, or to the console bundle; undefined for anything else. Only
 * plain names are served (no `..`, no nested paths beyond `img/`).
 * @example
 * resolvePath('/img/logo.svg', root); // '<root>/demo/site/img/logo.svg'
 */
export function resolvePath(pathname: string, root: string): string | 'agent-script' | undefined {
  const site = join(root, 'demo/site');
  if (pathname === '/') return join(site, 'index.html');
  if (pathname === '/agent/') return join(root, 'demo/agent/index.html');
  if (pathname === '/agent/agent.css') return join(root, 'demo/agent/agent.css');
  if (pathname === '/agent/main.js') return 'agent-script';
  const page = /^\/([a-z][a-z0-9-]*\.(?:html|css|js))$/.exec(pathname)?.[1];
  if (page && existsSync(join(site, page))) return join(site, page);
  const image = /^\/img\/([a-z0-9-]+\.svg)$/.exec(pathname)?.[1];
  if (image) return join(site, 'img', image);
  const built = /^\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:m?js|css|map))$/.exec(pathname)?.[1];
  if (built) return join(root, 'dist', built);
  return undefined;
}

// What Chatlet needs on a strict site: the chat server in connect-src (socket and token) and in
// img-src (agents' avatars, files), nothing inline and no worker.
function csp(origins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${origins.filter((o) => o.startsWith('http')).join(' ')}`,
    `connect-src 'self' ${origins.join(' ')}`,
    'frame-src http: https:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Starts the demo web server on 127.0.0.1.
 * @example
 * const site = await startSiteServer({ port: 0, root: process.cwd(), slots: { licenseId: '12345', apiUrl, accountsUrl, agentToken }, sandboxOrigins, agentScript });
 * await site.close();
 */
export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const policy = csp(options.sandboxOrigins);
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': policy, ...headers });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://demo');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TYPES.html!, 'Method not allowed');
    if (pathname === '/agent') {
      res.writeHead(301, { Location: '/agent/' });
      return res.end();
    }
    const file = resolvePath(pathname, options.root);
    if (file === 'agent-script') return send(res, 200, TYPES.js!, options.agentScript);
    if (!file || !existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}`);
    const ext = file.slice(file.lastIndexOf('.') + 1);
    const type = TYPES[ext] ?? 'application/octet-stream';
    if (ext !== 'html') return send(res, 200, type, readFileSync(file));
    const { locale, remember } = chatLanguage(search, req.headers.cookie);
    const slots: Record<string, string> = { ...options.slots, locale };
    const html = readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (slot, name: string) => escapeHtml(slots[name] ?? slot));
    send(res, 200, type, html, remember ? { 'Set-Cookie': `chat-lang=${locale}; Path=/; SameSite=Lax` } : {});
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
