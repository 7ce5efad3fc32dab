// The package as a consumer meets it (DESIGN §7): `npm pack`, the tarball checked by
// @arethetypeswrong/cli and publint, then installed into a fresh project in the temp directory
// (its dependencies from the npm registry or cache) where a small app type-checks under
// `moduleResolution` bundler and nodenext, bundles with esbuild and chats in Chromium against the
// sandbox, and plain Node ESM logs `chatlet/client` in. Packs what `node build.mjs` built (with types).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { launchBrowser, openAndSend, recordSockets, removeDir, startStaticServer } from '../e2e/helpers';

const repo = join(import.meta.dirname, '../..');
const bin = (path: string) => join(repo, 'node_modules', path);
// The files a consumer gets: the built modules (entry points and the chunks they load on demand), one
// declaration file per entry point and none of tsc's per-module ones, the script tag, the docs the
// README links to.
const SHIPPED = /^(README\.md|LICENSE|package\.json|docs\/[\w-]+\.md|dist\/([\w-]+\.mjs|chatlet\.js|chatlet\.d\.mts|client\.d\.mts|react\.d\.mts))$/;

/** Runs a command; resolves with its exit code and output whatever the code. */
async function run(file: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const { code, stdout = '', stderr = '' } = e as { code?: number; stdout?: string; stderr?: string };
    return { code: code ?? 1, out: stdout + stderr };
  }
}
const node = (args: string[], cwd: string) => run(process.execPath, args, cwd);

let dir: string;
let tarball: string;
let files: string[];
let app: string;

beforeAll(async () => {
  for (const file of ['dist/chatlet.d.mts', 'dist/client.d.mts', 'dist/chatlet.mjs']) {
    if (!existsSync(join(repo, file))) throw new Error(`${file} is missing: run \`node build.mjs\` (with types) first`);
  }
  dir = mkdtempSync(join(tmpdir(), 'chatlet-consumer-'));
  const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], repo);
  if (packed.code != 0) throw new Error(`npm pack failed: ${packed.out}`);
  const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, info!.filename);
  files = info!.files.map((f) => f.path);
  app = join(dir, 'app');
  cpSync(join(repo, 'test/package/consumer'), app, { recursive: true });
  // `ws` for the Node client, React 19 for `chatlet/react`: the versions the repo has, so npm's cache answers.
  const version = (name: string) => JSON.parse(readFileSync(bin(`${name}/package.json`), 'utf8')).version;
  const deps = [`ws@${version('ws')}`, `react@${version('react-19')}`, `react-dom@${version('react-dom-19')}`, `@types/react@${version('@types/react')}`];
  const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, ...deps], app);
  if (installed.code != 0) throw new Error(`npm install failed: ${installed.out}`);
}, 120_000);
afterAll(() => dir && removeDir(dir));

describe('the packed tarball', () => {
  it('holds the three entry points, one declaration file each, and none of the internal modules', () => {
    expect(files.filter((f) => !SHIPPED.test(f))).toEqual([]);
    for (const f of ['dist/chatlet.d.mts', 'dist/client.d.mts', 'dist/react.mjs', 'dist/react.d.mts', 'dist/chatlet.js']) expect(files).toContain(f);
  });

  it('has README and docs links that resolve inside it', () => {
    const broken: string[] = [];
    for (const doc of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(repo, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = posix.normalize(posix.join(posix.dirname(doc), target!.replace(/#.*$/, '')));
        if (!files.includes(path)) broken.push(`${doc}: ${target}`);
      }
    }
    expect(files.filter((f) => f.startsWith('docs/')).length).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('has types that resolve for node16 and bundler (@arethetypeswrong/cli, ESM-only profile)', async () => {
    const { code, out } = await node([bin('@arethetypeswrong/cli/dist/index.js'), '--profile', 'esm-only', '--format', 'json', tarball], dir);
    const { analysis } = JSON.parse(out.slice(out.indexOf('{')));
    const problems = Object.values(analysis.problems as Record<string, { resolutionKind?: string }[]>)
      .flat()
      .filter((p) => p.resolutionKind != 'node10' && p.resolutionKind != 'node16-cjs');
    expect(problems).toEqual([]);
    expect(code).toBe(0);
    for (const [entry, types] of [['.', 'chatlet.d.mts'], ['./client', 'client.d.mts'], ['./react', 'react.d.mts']]) {
      for (const kind of ['node16-esm', 'bundler']) {
        expect(analysis.entrypoints[entry!].resolutions[kind].resolution.fileName).toBe(`/node_modules/chatlet/dist/${types}`);
      }
    }
  });

  it('passes publint with nothing to say', async () => {
    const { code, out } = await node([bin('publint/src/cli.js'), 'run', tarball, '--strict'], dir);
    expect(out).toContain('All good!');
    expect(code).toBe(0);
  });
});

describe('a fresh project that installed it', () => {
  const tsc = (config: string) => node([bin('typescript/bin/tsc'), '-p', config], app);

  it.each(['bundler', 'nodenext'])('type-checks an app with moduleResolution %s, strictly, with no any from our types', async (resolution) => {
    // The app's `@ts-expect-error` lines are mistakes that must be reported, and `notAny` fails on `any`.
    expect(await tsc(`tsconfig.${resolution}.json`)).toEqual({ code: 0, out: '' });
  });

  it('reports a deliberate type error in the app', async () => {
    const { code, out } = await tsc('tsconfig.broken.json');
    expect(out).toMatch(/^src\/broken\.ts\(4,20\): error TS2322: Type 'string' is not assignable to type 'number'\./);
    expect(code).not.toBe(0);
  });

  describe('against the sandbox', () => {
    let server: Sandbox;
    let browser: Browser;
    beforeAll(async () => {
      server = await startSandbox({ port: 0 });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('bundles with esbuild and chats in Chromium', async () => {
      const www = join(dir, 'www');
      await build({ entryPoints: [join(app, 'src/widget.ts')], outdir: www, bundle: true, splitting: true, format: 'esm', logLevel: 'silent' });
      writeFileSync(join(www, 'index.html'), '<!doctype html><html lang="en"><title>App</title><script type="module" src="widget.js"></script>');
      const site = await startStaticServer({ mounts: { '/app/': www } });
      const page = await browser.newPage();
      try {
        const errors: string[] = [];
        page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        const sockets = recordSockets(page);
        await page.goto(`${site.url}/app/index.html?ws=${server.wsUrl}&http=${server.url}`);
        await openAndSend(page, sockets, 'Hello from an npm app');
        await page.locator('chatlet-widget').getByText('Hello from an npm app').waitFor();
        await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(
          expect.arrayContaining(['visibility maximized', 'ready maximized returning=false', 'online', 'new_event message customer']),
        );
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await site.close();
      }
    });

    it('renders chatlet/react on the server from plain Node ESM, with the React it installed', async () => {
      const { code, out } = await node(['node-react.mjs'], app);
      expect(code, out).toBe(0);
      expect(JSON.parse(out)).toEqual({ html: '<pre>null</pre>', window: 'undefined' });
    });

    it('logs chatlet/client in from plain Node ESM', async () => {
      const { code, out } = await node(['node-client.mjs', server.wsUrl, server.url], app);
      expect(code, out).toBe(0);
      expect(JSON.parse(out)).toEqual({ apiVersion: '3.1', state: 'online', customerId: expect.stringMatching(/.+/) });
    });
  });
});
