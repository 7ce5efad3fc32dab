// `npm run demo [-- --port 8080 --sandbox-port 8081 --no-bot --bot-after 30 --dialect released]`: starts the
// sandbox with the default fixture, serves the Chatlet Coffee site and the agent console from
// one loopback server, starts the demo bot, prints the URLs and closes everything on
// SIGINT/SIGTERM. `npm run demo` builds the widget first (`node build.mjs`).
import { AGENT_TOKEN, parseDemoArgs, startDemo } from './site/start-demo';
import type { Demo } from './site/start-demo';

async function main(): Promise<void> {
  const options = parseDemoArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exit(2);
  }
  let demo: Demo;
  try {
    demo = await startDemo(options);
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `${(error as Error).message}: pick other ports with --port/--sandbox-port (0 = any free port)` : (error as Error).message;
    console.error(`demo: ${message}`);
    process.exit(1);
  }
  console.log(`
  Chatlet demo is running.

    Site:           ${demo.siteUrl}
    Agent console:  ${demo.agentUrl}   (token: ${AGENT_TOKEN})
    Sandbox:        ${demo.sandbox.url}   (customer API: ${demo.sandbox.core.dialect} v3.1)
    Bot:            ${demo.bot ? `on — answers chats routed to it, and any chat left unanswered for ${(options.botAfterMs ?? 30_000) / 1000} s` : 'off (--no-bot)'}

  Press Ctrl+C to stop.
`);
  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
