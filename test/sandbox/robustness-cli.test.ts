// The CLI as `npm run sandbox` runs it: prints the listening line, serves, exits 0 on SIGTERM;
// bad arguments and broken fixtures fail at start with a message instead of a stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'chatlet-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { child: ReturnType<typeof spawn>; out: Promise<string>; exit: Promise<number | null>; err: () => string } {
  const child = spawn(process.execPath, ['demo/run-ts.mjs', 'demo/sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += String(d)));
  const out = new Promise<string>((resolve) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += String(d);
      if (buf.includes('\n')) resolve(buf);
    });
    child.on('exit', () => resolve(buf));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exit, err: () => stderr };
}

describe('npm run sandbox', () => {
  it('prints the listening line, serves, and exits 0 on SIGTERM', async () => {
    const { child, out, exit } = run(['--port', '0']);
    const line = await out;
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = line.trim().slice('listening on '.length);
    const res = await fetch(`${url}/customer/token`, { method: 'POST', body: JSON.stringify({ grant_type: 'cookie', license_id: 12345 }) });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);

  it('speaks the released v3.1 with --dialect released', async () => {
    const { child, out, exit } = run(['--port', '0', '--dialect', 'released']);
    const line = await out;
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+ \(customer API: released v3\.1\)\n$/);
    const url = line.trim().slice('listening on '.length).split(' ')[0]!;
    const grant = await fetch(`${url}/customer/token`, { method: 'POST', body: JSON.stringify({ grant_type: 'cookie', license_id: 12345 }) });
    const { access_token: token } = (await grant.json()) as { access_token: string };
    const client = await connect(`${url.replace('http', 'ws')}/v3.1/customer/rtm/ws?license_id=12345`);
    expect((await client.request('login', { token: `Bearer ${token}` })).success).toBe(true);
    const refused = await client.request('update_last_seen_timestamp', { chat_id: 'X' });
    expect(refused.payload.error).toEqual({ type: 'validation', message: 'unknown action `update_last_seen_timestamp`' });
    await client.close();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);

  it('refuses unknown arguments with exit code 2', async () => {
    const { exit, err } = run(['--prot', '1']);
    expect(await exit).toBe(2);
    expect(err()).toContain('usage');
    const dialect = run(['--dialect', 'final']);
    expect(await dialect.exit).toBe(2);
    expect(dialect.err()).toContain('--dialect draft|released');
  }, 30_000);

  it('names the bad path of a broken fixtures file', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ licenses: [{ id: 1, groups: [{ id: 0, name: 'G' }], agents: [{ id: 'a', name: 'A', token: 't', groups: [3] }], forms: {} }] }));
    const { exit, err } = run(['--port', '0', '--fixtures', file]);
    expect(await exit).toBe(1);
    expect(err()).toContain('licenses[0].agents[0].groups[0]');
  }, 30_000);
});
