// `npm run sandbox -- --port <p> [--fixtures <file>] [--dialect draft|released]`: starts the
// sandbox on 127.0.0.1, prints `listening on http://127.0.0.1:<p>` (plus the dialect when it is
// not the default) and closes cleanly on SIGINT/SIGTERM.
import { DIALECTS } from './dialect';
import type { Dialect } from './dialect';
import { startSandbox } from './server';

const USAGE = 'usage: npm run sandbox -- --port <p> [--fixtures <file>] [--dialect draft|released]';

/**
 * Parses the CLI arguments; returns an error message for anything it does not understand.
 * @example
 * parseArgs(['--port', '0', '--dialect', 'released']); // {port: 0, dialect: 'released'}
 */
export function parseArgs(argv: string[]): { port: number; fixtures?: string; dialect?: Dialect } | string {
  let port = 0;
  let fixtures: string | undefined;
  let dialect: Dialect | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535) {
      port = Number(value);
      i++;
    } else if (arg === '--fixtures' && value !== undefined) {
      fixtures = value;
      i++;
    } else if (arg === '--dialect' && (DIALECTS as readonly string[]).includes(value ?? '')) {
      dialect = value as Dialect;
      i++;
    } else {
      return `unexpected argument ${arg ?? ''}${arg === '--dialect' ? ` ${value ?? ''}` : ''}; ${USAGE}`;
    }
  }
  return { port, ...(fixtures !== undefined && { fixtures }), ...(dialect !== undefined && { dialect }) };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
try {
  const sandbox = await startSandbox({
    port: args.port,
    ...(args.fixtures !== undefined && { fixtures: args.fixtures }),
    ...(args.dialect !== undefined && { dialect: args.dialect }),
  });
  console.log(`listening on ${sandbox.url}${sandbox.core.dialect === 'draft' ? '' : ` (customer API: ${sandbox.core.dialect} v3.1)`}`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(1);
}
