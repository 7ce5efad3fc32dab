// What the long-history suites share: a sandbox with the bench's agent logged in (seedChat needs
// one), the script-tag test site pointed at it, and Chromium.
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { loginBenchAgent, type BenchAgent } from '../bench/bench-agent';
import { launchBrowser, sandbox, sandboxVars, startStaticServer, type StaticServer } from './helpers';

/** A sandbox, its agent, the test site and a browser, closed together. */
export interface HistorySite {
  server: Sandbox;
  agent: BenchAgent;
  site: StaticServer;
  browser: Browser;
  /** Closes everything it started. */
  close(): Promise<void>;
}

/**
 * Starts what a long-history suite needs.
 *
 * @example
 * let env: HistorySite;
 * beforeAll(async () => void (env = await startHistorySite()));
 * afterAll(() => env?.close());
 * const chat = await seedChat(env.server, 400);
 */
export async function startHistorySite(): Promise<HistorySite> {
  const server = await sandbox();
  const agent = await loginBenchAgent(server);
  const site = await startStaticServer({ vars: sandboxVars(server) });
  const browser = await launchBrowser();
  return {
    server,
    agent,
    site,
    browser,
    async close() {
      await browser.close();
      await site.close();
      await agent.close();
      await server.close();
    },
  };
}
