// `npm run sandbox -- --port <p> [--fixtures <file>]`: starts the sandbox on 127.0.0.1, prints
// `listening on http://127.0.0.1:<p>` and closes cleanly on SIGINT/SIGTERM.
import { startSandbox } from './server';

/**
 * Parses the CLI arguments; returns an error message for anything it does not understand.
 * @example
 * parseArgs(['--port', '0']); // {port: 0}
 */
export function parseArgs(argv: string[]): { port: number; fixtures?: string } | string {
  let port = 0;
  let fixtures: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535) {
      port = Number(value);
      i++;
    } else if (arg === '--fixtures' && value !== undefined) {
      fixtures = value;
      i++;
    } else {
      return `unexpected argument ${arg ?? ''}; usage: npm run sandbox -- --port <p> [--fixtures <file>]`;
    }
  }
  return { port, ...(fixtures !== undefined && { fixtures }) };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
try {
  const sandbox = await startSandbox({ port: args.port, ...(args.fixtures !== undefined && { fixtures: args.fixtures }) });
  console.log(`listening on ${sandbox.url}`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(1);
}
