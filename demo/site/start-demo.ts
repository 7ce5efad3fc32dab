// The whole demo in one call: the sandbox with the default fixture, the Chatlet Coffee site and
// the agent console on one loopback server, and the demo bot. Used by `demo/start.ts` (the
// `npm run demo` CLI) and by tests that need the demo running.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsole } from '../agent/build-console';
import { startBot } from '../bot/bot';
import type { Bot } from '../bot/bot';
import { DIALECTS } from '../sandbox/dialect';
import type { Dialect } from '../sandbox/dialect';
import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { startSiteServer } from './site-server';

/** The default fixture's license and agent tokens (demo/sandbox/fixtures.json). */
const LICENSE_ID = 12345;
export const AGENT_TOKEN = 'demo-agent-token';
const BOT_TOKEN = 'demo-bot-token';

export interface DemoOptions {
  /** Port of the site and console (0 picks a free one). Default 8080. */
  port?: number;
  /** Port of the sandbox (0 picks a free one). Default 8081. */
  sandboxPort?: number;
  /** Start the bot (default true). */
  bot?: boolean;
  /** The bot steps into chats unanswered for this long, in ms (default 30 s; null never). */
  botAfterMs?: number | null;
  /** The customer API's v3.1 the sandbox speaks: `draft` (the seed, default) or `released`. */
  dialect?: Dialect;
  /** Repository root (default the working directory). */
  root?: string;
  log?: (message: string) => void;
}

export interface Demo {
  siteUrl: string;
  agentUrl: string;
  sandbox: Sandbox;
  bot?: Bot;
  close(): Promise<void>;
}

/**
 * Starts the whole demo; rejects (and cleans up) if the widget is not built or a port is taken.
 * @example
 * const demo = await startDemo({ port: 0, sandboxPort: 0 });
 * console.log(demo.siteUrl, demo.agentUrl);
 * await demo.close();
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const root = options.root ?? process.cwd();
  if (!existsSync(join(root, 'dist/chatlet.js'))) {
    throw new Error('dist/chatlet.js is missing: build the widget first with `node build.mjs` (npm run demo does it for you)');
  }
  const agentScript = await buildConsole(root);
  const sandbox = await startSandbox({ port: options.sandboxPort ?? 8081, ...(options.dialect && { dialect: options.dialect }) });
  try {
    const site = await startSiteServer({
      port: options.port ?? 8080,
      root,
      slots: { licenseId: String(LICENSE_ID), apiUrl: sandbox.wsUrl, accountsUrl: sandbox.url, agentToken: AGENT_TOKEN },
      sandboxOrigins: [sandbox.url, sandbox.wsUrl],
      agentScript,
    });
    const bot =
      options.bot === false
        ? undefined
        : startBot({ url: sandbox.wsUrl, token: BOT_TOKEN, takeoverMs: options.botAfterMs === undefined ? 30_000 : options.botAfterMs, ...(options.log && { log: options.log }) });
    try {
      await bot?.ready;
    } catch (error) {
      await site.close();
      throw error;
    }
    return {
      siteUrl: `${site.url}/`,
      agentUrl: `${site.url}/agent/`,
      sandbox,
      ...(bot && { bot }),
      async close() {
        bot?.close();
        await site.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

export const USAGE = 'usage: npm run demo -- [--port <p>] [--sandbox-port <p>] [--no-bot] [--bot-after <seconds>] [--dialect draft|released]';

/**
 * Parses the CLI arguments; returns an error message for anything it does not understand.
 * @example
 * parseDemoArgs(['--no-bot', '--port', '0', '--dialect', 'released']); // { bot: false, port: 0, dialect: 'released' }
 */
export function parseDemoArgs(argv: string[]): DemoOptions | string {
  const options: DemoOptions = {};
  const port = (v: string | undefined): number | undefined => (v !== undefined && /^\d{1,5}$/.test(v) && Number(v) <= 65535 ? Number(v) : undefined);
  for (let i = 0; i < argv.length; i++) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--no-bot') options.bot = false;
    else if (arg === '--port' && port(value) !== undefined) [options.port, i] = [port(value), i + 1];
    else if (arg === '--sandbox-port' && port(value) !== undefined) [options.sandboxPort, i] = [port(value), i + 1];
    else if (arg === '--bot-after' && value !== undefined && /^\d+$/.test(value)) [options.botAfterMs, i] = [Number(value) * 1000, i + 1];
    else if (arg === '--dialect' && (DIALECTS as readonly string[]).includes(value ?? '')) [options.dialect, i] = [value as Dialect, i + 1];
    else return `unexpected argument ${arg ?? ''}\n${USAGE}`;
  }
  return options;
}
