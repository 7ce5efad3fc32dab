// The sandbox process: one Node http server on loopback with WebSocket upgrades. Transports are
// mounted from the two route lists below; each only parses, authorizes and routes to a handler
// table, and all of them share one core (store, hub, control surface).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { acceptAgent } from './agent-rtm';
import { AGENT_ACTION_PATH, handleAgentAction } from './agent-web';
import { AVATARS_PATH, resolveAvatars, serveAvatar } from './avatars';
import { createControl } from './control';
import type { Control } from './control';
import type { Core, Timers } from './core';
import { acceptCustomer, refuseCustomer } from './customer-rtm';
import { CUSTOMER_ACTION_PATH, handleCustomerAction } from './customer-web';
import type { Dialect } from './dialect';
import { FILES_PATH, serveFile } from './file-route';
import { loadFixtures } from './fixtures';
import type { Fixtures } from './fixtures';
import { createHub } from './hub';
import { MAX_FRAME_BYTES } from './protocol';
import { createStore } from './store';
import type { Store } from './store';
import { handleTokenRequest, issueCustomerToken } from './token';
import type { CustomerToken } from './token';

/** An HTTP endpoint: exact path (or pattern) → handler. */
export interface HttpRoute {
  path: string | RegExp;
  handle(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

/** A WebSocket endpoint: `refuse` may reject the upgrade with an HTTP status first. */
export interface WsRoute {
  path: string;
  refuse?(core: Core, url: URL): { status: number; message: string } | undefined;
  accept(core: Core, socket: WebSocket, req: IncomingMessage, url: URL): void;
}

/** HTTP endpoints of the sandbox; the agent Web API adds its entry here. */
export const httpRoutes: HttpRoute[] = [
  { path: '/customer/token', handle: handleTokenRequest },
  { path: CUSTOMER_ACTION_PATH, handle: handleCustomerAction },
  { path: AGENT_ACTION_PATH, handle: handleAgentAction },
  { path: FILES_PATH, handle: serveFile },
  { path: AVATARS_PATH, handle: serveAvatar },
];

/** WebSocket endpoints of the sandbox; the agent RTM adds its entry here. */
export const wsRoutes: WsRoute[] = [
  { path: '/v3.1/customer/rtm/ws', refuse: refuseCustomer, accept: acceptCustomer },
  { path: '/v3.0/agent/rtm/ws', accept: acceptAgent },
];

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Fixtures, or a path to a fixtures JSON file; default demo/sandbox/fixtures.json. */
  fixtures?: Fixtures | string;
  timers?: Partial<Timers>;
  /** Enables the test-only control surface. */
  control?: boolean;
  /** Customer token lifetime in seconds (default 28 800). */
  tokenTtlSec?: number;
  /** The customer API's v3.1: `draft` (the seed, default) or `released` (protocol-notes §9; dialect.ts). */
  dialect?: Dialect;
  /** Clock in milliseconds (default Date.now). */
  now?: () => number;
  /** Bound on the bytes of all uploaded files kept in memory (default 64 MB; store-files.ts). */
  maxFileBytes?: number;
  /**
   * The state to serve instead of a fresh one from `fixtures`: pass a closed sandbox's `store`
   * (and its `port`) to restart it with every chat, customer and token kept.
   */
  store?: Store;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>` */
  wsUrl: string;
  port: number;
  store: Store;
  core: Core;
  control?: Control;
  /** Mints a customer token in-process (new entity unless `entityId` is given). */
  issueCustomerToken(licenseId?: number, entityId?: string): CustomerToken;
  /** Terminates every socket and resolves once the server is closed. */
  close(): Promise<void>;
}

function matches(route: { path: string | RegExp }, pathname: string): boolean {
  return typeof route.path === 'string' ? route.path === pathname : route.path.test(pathname);
}

/**
 * Starts the sandbox on loopback and resolves when it listens.
 * @example
 * const sandbox = await startSandbox({ port: 0, timers: { pingMs: 200 }, control: true, dialect: 'released' });
 * const ws = new WebSocket(`${sandbox.wsUrl}/v3.1/customer/rtm/ws?license_id=12345`);
 * await sandbox.close();
 * const again = await startSandbox({ port: sandbox.port, store: sandbox.store }); // restarted, state kept
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const fixtures =
    options.store?.fixtures ?? (typeof options.fixtures === 'object' ? structuredClone(options.fixtures) : loadFixtures(options.fixtures));
  let control: Control | undefined;
  const hub = createHub(() => control);
  const core: Core = {
    store: options.store ?? createStore(fixtures, {
        ...(options.now && { now: options.now }),
        ...(options.maxFileBytes !== undefined && { maxFileBytes: options.maxFileBytes }),
      }),
    hub,
    timers: { loginMs: 30_000, pingMs: 30_000, agentPingMs: 60_000, ...options.timers },
    dialect: options.dialect ?? 'draft',
    tokenTtlSec: options.tokenTtlSec ?? 28_800,
    reportInternal: (error) => console.error('sandbox: internal error', error),
  };
  if (options.control) {
    control = createControl(() => [...hub.sessions]);
    core.control = control;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const route = httpRoutes.find((r) => matches(r, url.pathname));
    const fail = (status: number, message: string): void => {
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: status === 404 ? 'not_found' : 'internal', message } }));
    };
    if (!route) return fail(404, `no route for ${url.pathname}`);
    Promise.resolve()
      .then(() => route.handle(core, req, res, url))
      .catch((error: unknown) => {
        core.reportInternal(error);
        fail(500, 'Internal server error');
      });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const route = wsRoutes.find((r) => r.path === url.pathname);
    const refusal = route ? route.refuse?.(core, url) : { status: 404, message: `no WebSocket endpoint at ${url.pathname}` };
    if (!route || refusal) {
      const { status, message } = refusal ?? { status: 404, message: 'not found' };
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // ws reports protocol violations (1009 oversized, 1007 bad UTF-8) as errors before it closes the socket.
      ws.on('error', () => ws.terminate());
      route.accept(core, ws, req, url);
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const base = `${host}:${port}`;
  resolveAvatars(fixtures, `http://${base}`);

  return {
    url: `http://${base}`,
    wsUrl: `ws://${base}`,
    port,
    store: core.store,
    core,
    ...(control && { control }),
    issueCustomerToken: (licenseId = fixtures.licenses[0]?.id ?? 0, entityId) => issueCustomerToken(core, licenseId, entityId),
    close: () =>
      new Promise<void>((resolve) => {
        control?.dispose();
        hub.closeAll();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
