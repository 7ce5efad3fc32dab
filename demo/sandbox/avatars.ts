// The fixture agents' pictures. A fixture may give an avatar as a path (`/avatars/alex.svg`): the
// sandbox serves those files itself and makes the path absolute once it knows its port, so the demo
// and the tests never make a browser ask a host that does not resolve.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from './core';
import type { Fixtures } from './fixtures';

/** The route of the pictures. */
export const AVATARS_PATH = /^\/avatars\/[\w-]+\.svg$/;

const dir = join(dirname(fileURLToPath(import.meta.url)), 'avatars');

/**
 * Serves `demo/sandbox/avatars/<name>.svg`, or a 404.
 *
 * @example
 * httpRoutes.push({ path: AVATARS_PATH, handle: serveAvatar });
 */
export function serveAvatar(_core: Core, _req: IncomingMessage, res: ServerResponse, url: URL): void {
  let svg: Buffer;
  try {
    svg = readFileSync(join(dir, url.pathname.slice('/avatars/'.length)));
  } catch {
    res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { type: 'not_found', message: url.pathname } }));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }).end(svg);
}

/**
 * Makes the agents' avatars given as a path absolute on `origin`.
 *
 * @example
 * resolveAvatars(fixtures, 'http://127.0.0.1:8081'); // '/avatars/alex.svg' → 'http://127.0.0.1:8081/avatars/alex.svg'
 */
export function resolveAvatars(fixtures: Fixtures, origin: string): void {
  for (const license of fixtures.licenses) {
    for (const agent of license.agents) if (agent.avatar?.startsWith('/')) agent.avatar = origin + agent.avatar;
  }
}
