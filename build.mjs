// Builds every published output with esbuild and prints a size table (minified and gzip bytes).
// Later outputs (the widget's IIFE script and its lazy chunks) are added to `outputs` below.
//
//   node build.mjs            build everything, bundle each entry point's declarations, print sizes
//   node build.mjs --no-types skip the declaration files (faster, used by tests)
//   node build.mjs --breakdown also print what each part of the script tag's lazy chunk costs, and
//                             what dropping each optional feature would save
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { minify } from 'terser';

const withTypes = !process.argv.includes('--no-types');

// The widget's CSS files are imported as minified text and adopted into its shadow root.
const cssText = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};
// The npm entry loads the app lazily from the file next to it, and a built-in locale from its chunk
// (`../locales/de` → `./chatlet-locale-de.mjs`), which bundlers then split out.
const appExternal = {
  name: 'app-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/start-app$/ }, () => ({ path: './chatlet-app.mjs', external: true }));
    b.onResolve({ filter: /^\.\.\/locales\/[a-z]{2}$/ }, (args) => ({ path: `./chatlet-locale-${args.path.slice(-2)}.mjs`, external: true }));
  },
};

// Runs a TypeScript module of src/ in this process and returns its exports (bundled whole, Preact
// with it, into a data: URL, which can import nothing).
const load = async (path) => {
  const { outputFiles } = await build({ entryPoints: [path], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
};
// A built-in locale's chunk holds its texts only, in the order of English's keys (the module's
// default export, `textsOf` its dictionary), as one literal: without the keys, which are a third of
// a dictionary's gzip bytes (~540 B), and without the code that orders them. The sources stay
// objects typed by `Strings`, so a missing or extra key is a type error; the widget pairs the texts
// with its keys again when the chunk arrives.
const localeValues = {
  name: 'locale-values',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]locales[\\/][a-z]{2}\.ts$/ }, async (args) => {
      const texts = (await load(args.path)).default;
      if (!Array.isArray(texts) || texts.some((t) => typeof t != 'string')) throw new Error(`${args.path}: its default export must be its texts`);
      return { contents: `export default ${JSON.stringify(texts)}`, loader: 'js' };
    });
  },
};
const localeCodes = readdirSync('src/locales').filter((f) => /^[a-z]{2}\.ts$/.test(f)).map((f) => f.slice(0, 2));

// `chatlet/react` uses the widget of `chatlet` (the file next to it) and the app's own React.
const reactExternals = {
  name: 'react-externals',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/embed\/index$/ }, () => ({ path: './chatlet.mjs', external: true }));
    b.onResolve({ filter: /^react(\/|$)/ }, (args) => ({ path: args.path, external: true }));
  },
};

// Property names that only the chat store, the UI and the client's internals (pending requests, token
// source, storage wrapper) use among themselves: never on the wire, in storage, in the public API
// (events, getters, strings), across the npm entry/app chunk boundary (app-types.ts, and the chunk's
// exports) or on DOM elements, so the app chunks may shorten them (~520 B gzip). Component
// props (`onPress`, `inputRef`) qualify as long as they are never spread onto an element. A name that is also spelled as a string somewhere (`'x' in o`,
// `o['x']`) would stop matching, so each build checks that none is left in its output.
const internal = [
  ...['currentChatId', 'groupStatus', 'predictedAgent', 'typingRevision', 'lastError', 'dispatchReply'],
  ...['lastThreadId', 'threadIds', 'userIds', 'seenUpTo', 'hasUnreadHint', 'totalThreads', 'isOwn', 'customIds'],
  ...['getState', 'dispatch', 'newId', 'connectionState', 'pressButton', 'onlineGroups', 'chatIds'],
  ...['customerId', 'authorId', 'formType', 'unreadCount', 'hasOlder', 'isPredicted', 'customerStatus'],
  ...['historyLoading', 'formId', 'isChatActive', 'loadForm', 'typingAgent', 'batchPushes'],
  ...['chatData', 'submitPostchat', 'dismissError', 'intervalMs', 'summaries', 'revision', 'fromKey', 'toKey'],
  ...['onPress', 'disabledReason', 'onRetry', 'inputRef', 'isMine', 'onDismiss', 'onReconnect'],
  ...['onLoadOlder', 'submitLabel', 'describedBy', 'buttonRef', 'onTyping', 'panelRef', 'onToggle', 'titleId'],
  ...['onClose', 'onSend', 'onRate', 'onOpen', 'rated', 'onMounted', 'timeline'],
  ...['getJson', 'setJson', 'invalidate', 'settle', 'failAll', 'hasChat', 'stopReason'],
  // The visitor's tabs (chat/tab-*.ts) and attention; never in a message between tabs, which another
  // release of the widget may read.
  ...['leads', 'loggedIn', 'pushed', 'heard', 'since', 'peers', 'drafts', 'draftStorage'],
  ...['setMuted', 'setPageVisible', 'pageVisible', 'onMute', 'onUse'],
  ...['shownGreeting', 'dismissGreeting', 'dismissedGreeting'],
  ...['uploadProgress', 'previews', 'blobs', 'onAttach'],
  // Preact's class-component hooks: the bundle holds Preact, so it can rename them together with the
  // one class that defines some (ui/Safe.tsx); no other copy of Preact ever sees these objects (~110 B gzip).
  ...['getDerivedStateFromProps', 'shouldComponentUpdate', 'componentWillReceiveProps', 'componentWillUpdate'],
  ...['getSnapshotBeforeUpdate', 'componentDidCatch', 'getDerivedStateFromError', 'getChildContext'],
  ...['componentWillUnmount', 'componentWillMount', 'componentDidMount', 'componentDidUpdate', 'contextType'],
  ...['debounceRendering'],
];
// The lazy chunks are loaded when the chat is about to be used, and nearly every function in them
// runs as it opens. V8 compiles a function on its first call, on the main thread; this comment
// (Chromium's explicit compile hint) has it compile them all while it streams the file, off the main
// thread. Measured at 4× CPU: the first open's long tasks go from 50–95 ms to 0–64 ms, usable ~100 ms
// sooner. The price: on the second page view Chromium writes a code cache holding every function,
// one task of 25–48 ms CPU instead of 15–20 (README, Performance).
const compileAll = { js: '//# allFunctionsCalledOnLoad' };
const app = { plugins: [cssText], mangleProps: new RegExp(`^(${internal.join('|')})$`), banner: compileAll };

/**
 * Each output: an entry, where it goes, and the esbuild options that differ from the defaults. An
 * output with `exports` is an entry point of the package (`chatlet`, `chatlet/client`): its public
 * declarations are bundled next to it (`dist/<name>.d.mts`) and package.json must export both, which
 * the build checks. A new entry point (`chatlet/react`) is one more such line.
 */
const outputs = [
  // `chatlet/client`, with `uploadFile`'s code split off into a chunk it imports on the first upload
  // (dist/client-upload-file.mjs; it imports nothing, so no chunk is shared with the entry).
  { name: 'client', entry: 'src/protocol/index.ts', outfile: 'dist/client.mjs', format: 'esm', exports: './client', split: 'client-[name]' },
  // Script tag: the eager launcher (≤ 2 KB gzip), then on intent the widget with the app bundled in.
  // Every host page runs this one, so it keeps to older syntax: a browser too old for the chat still parses it.
  {
    name: 'chatlet.js (eager)',
    entry: 'src/embed/script-tag.ts',
    outfile: 'dist/chatlet.js',
    format: 'iife',
    options: { target: 'es2020' },
  },
  // What the first open needs is this one file; the UI's parts that load when first needed
  // (src/ui/parts.ts) are chunks next to it, dist/chatlet-embed-<part>-<hash>.mjs.
  {
    name: 'chatlet-embed (lazy)',
    entry: 'src/embed/create-script-widget.ts',
    outfile: 'dist/chatlet-embed.mjs',
    format: 'esm',
    split: 'chatlet-embed-[name]-[hash]',
    options: app,
  },
  // npm: the widget, and the app chunk it imports on intent.
  {
    name: 'chatlet.mjs (npm)',
    entry: 'src/embed/index.ts',
    outfile: 'dist/chatlet.mjs',
    format: 'esm',
    options: { plugins: [appExternal] },
    exports: '.',
  },
  {
    name: 'chatlet-app (lazy)',
    entry: 'src/embed/start-app.ts',
    outfile: 'dist/chatlet-app.mjs',
    format: 'esm',
    split: 'chatlet-app-[name]-[hash]',
    options: app,
  },
  // `chatlet/react`: a component and hooks around the npm entry's widget.
  {
    name: 'react.mjs (npm)',
    entry: 'src/react/index.ts',
    outfile: 'dist/react.mjs',
    format: 'esm',
    options: { plugins: [reactExternals] },
    exports: './react',
    // Its declarations, likewise, refer to React's and to `chatlet`'s (dist/chatlet.d.mts).
    types: { external: /^react(\/|$)|^\.\.\/embed\/(index|types)$/, paths: (id) => (/[\\/]embed[\\/](index|types)(\.d\.ts)?$/.test(id) ? './chatlet.mjs' : id) },
  },
  // Each built-in locale but English (which the chat bundles) as a chunk of its own, loaded when chosen.
  ...localeCodes.map((code) => ({
    name: `chatlet-locale-${code} (lazy)`,
    entry: `src/locales/${code}.ts`,
    outfile: `dist/chatlet-locale-${code}.mjs`,
    format: 'esm',
    options: { plugins: [localeValues] },
  })),
];

/** What a visitor loads until the chat is open, by way of the script tag or of the npm package. */
const visitorLoads = {
  'script tag: first open': ['chatlet.js (eager)', 'chatlet-embed (lazy)'],
  'npm: first open': ['chatlet.mjs (npm)', 'chatlet-app (lazy)'],
};

const common = {
  bundle: true,
  minify: true,
  // The chat's CSS already assumes a recent browser (:has(), light-dark()); es2022 keeps `??=`, class
  // fields and the like as written instead of down-levelling them (the client is ~100 B gzip smaller).
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
};

// esbuild bundles and minifies; terser then compresses once more. Its output has nearly as many
// characters but ones gzip packs better: ~1.2 KB gzip (3 %) less for what a visitor loads, ~30 B for
// the eager script, and no measurable change in the openings (A/B, 6 runs each). It does not inline
// single-use functions at their call site (`reduce_funcs`): that saved 200 B more but makes a closure
// on each call there, and the first opens had more long tasks with it (17 against 11 in 12 runs each,
// within this machine's noise, so not worth the doubt). Only the compile hint's comment is kept.
const squeeze = async (code, o) =>
  (
    await minify(code, {
      module: o.format == 'esm',
      ecma: 2020,
      compress: { reduce_funcs: false },
      format: { comments: /^# allFunctionsCalledOnLoad$/ },
    })
  ).code;

mkdirSync('dist', { recursive: true });
const sizes = {};

// An output with `split` is built with code splitting: each module it imports dynamically becomes a
// chunk named by `split`. esbuild also moves the code an entry shares with its chunks into shared
// chunks that the entry imports, which a browser would fetch only after the entry (a round trip more
// on the way to the first open). So a second pass puts back into the entry every chunk it imports
// statically, and points the other chunks at the entry for what they share with it: each export of
// a merged chunk is re-exported by the entry under a short name ($0, $1, …).
const where = (o) =>
  o.split
    ? { entryPoints: { [basename(o.outfile, '.mjs')]: o.entry }, outdir: dirname(o.outfile), splitting: true, chunkNames: o.split, outExtension: { '.js': '.mjs' }, metafile: true }
    : { entryPoints: [o.entry], outfile: o.outfile };

async function merged(o, outputFiles, metafile) {
  const files = new Map(outputFiles.map((f) => [basename(f.path), f.text]));
  const entry = basename(o.outfile);
  const outputsMeta = Object.fromEntries(Object.entries(metafile.outputs).map(([k, v]) => [basename(k), v]));
  const core = new Set();
  const visit = (file) => {
    for (const i of outputsMeta[file].imports) {
      if (i.kind === 'import-statement' && !core.has(basename(i.path))) visit(basename(i.path), core.add(basename(i.path)));
    }
  };
  visit(entry);
  if (core.size === 0) return outputFiles.map((f) => [basename(f.path), f.text]);
  const alias = new Map();
  for (const c of core) alias.set(c, outputsMeta[c].exports.map((e) => [e, `$${alias.size}_${e}`]));
  const pass = async (file, contents) => {
    const own = file === entry ? new Set([entry, ...core]) : new Set([file]);
    const { outputFiles: [out] } = await build({
      stdin: { contents, resolveDir: dirname(o.outfile), sourcefile: file },
      bundle: true,
      format: 'esm',
      minify: true,
      target: common.target,
      legalComments: 'none',
      write: false,
      logLevel: 'warning',
      plugins: [{
        name: 'chunks',
        setup(b) {
          b.onResolve({ filter: /^\.\// }, (a) => {
            const f = a.path.slice(2);
            if (own.has(f)) return { path: f, namespace: 'chunk' };
            if (core.has(f)) return { path: f, namespace: 'via-entry' };
            return { path: a.path, external: true };
          });
          b.onLoad({ filter: /.*/, namespace: 'chunk' }, (a) => ({ contents: files.get(a.path), loader: 'js', resolveDir: '.' }));
          b.onLoad({ filter: /.*/, namespace: 'via-entry' }, (a) => ({
            contents: `export { ${alias.get(a.path).map(([e, as]) => `${as} as ${e}`).join(', ')} } from './${entry}';`,
            loader: 'js',
            resolveDir: '.',
          }));
        },
      }],
    });
    return [file, out.text];
  };
  const entryContents = [`export * from './${entry}';`, ...[...core].map((c) => `export { ${alias.get(c).map(([e, as]) => `${e} as ${as}`).join(', ')} } from './${c}';`)].join('\n');
  return Promise.all([pass(entry, entryContents), ...[...files.keys()].filter((f) => f !== entry && !core.has(f)).map((f) => pass(f, files.get(f)))]);
}

for (const o of outputs) {
  const { outputFiles, metafile } = await build({ ...common, ...where(o), format: o.format, write: false, ...o.options });
  if (o.split) for (const old of readdirSync(dirname(o.outfile))) if (old.startsWith(`${basename(o.outfile, '.mjs')}-`)) rmSync(join(dirname(o.outfile), old));
  const written = o.split ? await merged(o, outputFiles, metafile) : [[basename(o.outfile), outputFiles[0].text]];
  for (const [name, text] of written) {
    const file = join(dirname(o.outfile), name);
    const code = Buffer.from((o.options?.banner ? `${o.options.banner.js}\n` : '') + (await squeeze(text, o)).replace(/^\/\/# allFunctionsCalledOnLoad\n/, ''));
    writeFileSync(file, code);
    const left = o.options?.mangleProps ? internal.filter((n) => code.includes(n)) : [];
    if (left.length) throw new Error(`${file}: ${left.join(', ')} also appear as strings; take them off \`internal\``);
    // Chunks are listed without their hash, except shared ones (`chunk`), which can be several.
    const chunk = basename(file, '.mjs');
    const row = file === o.outfile ? o.name : `${chunk.includes('-chunk-') ? chunk : chunk.replace(/-[A-Z0-9]{8}$/, '')} (lazy)`;
    sizes[row] = { file, minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
}
writeFileSync('dist/sizes.json', JSON.stringify(sizes, null, 2) + '\n');

// The package's entry points must be exported as built: types first (TypeScript reads the first
// condition that matches), then the module.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const o of outputs.filter((x) => x.exports)) {
  const want = { types: o.outfile.replace(/^dist\/(.*)\.mjs$/, './dist/$1.d.mts'), import: `./${o.outfile}` };
  if (JSON.stringify(pkg.exports?.[o.exports]) != JSON.stringify(want)) {
    throw new Error(`package.json: exports["${o.exports}"] must be ${JSON.stringify(want)}`);
  }
}

// One declaration file per entry point, holding its public API and the types it refers to, with
// their JSDoc: tsc writes every module's declarations to a temporary directory, and rollup-plugin-dts
// bundles each entry's from there (`node16`/`nodenext` projects cannot follow the extensionless
// relative imports of tsc's own output, and the package ships none of its internal modules).
if (withTypes) {
  const declarations = mkdtempSync(join(tmpdir(), 'chatlet-types-'));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', declarations], {
      stdio: 'inherit',
    });
    for (const o of outputs.filter((x) => x.exports)) {
      const bundle = await rollup({
        input: join(declarations, o.entry.replace(/^src\/(.*)\.tsx?$/, '$1.d.ts')),
        plugins: [dts()],
        external: o.types?.external,
        onwarn(warning) {
          throw new Error(`${o.entry} declarations: ${warning.message}`);
        },
      });
      await bundle.write({ file: o.outfile.replace(/\.mjs$/, '.d.mts'), format: 'es', paths: o.types?.paths });
      await bundle.close();
    }
  } finally {
    rmSync(declarations, { recursive: true, force: true });
  }
}

const pad = (s, n) => String(s).padStart(n);
console.log('output'.padEnd(28) + pad('minified', 10) + pad('gzip', 10));
for (const [name, s] of Object.entries(sizes)) {
  console.log(`${name.padEnd(28)}${pad(s.minified, 10)}${pad(s.gzip, 10)}`);
}
// What a visitor loads by the time the chat is open: the eager script and the chunk it imports on
// intent, or the npm entry and its app chunk. DESIGN §6 asks ≤ 15 KB gzip for the part loaded on
// interaction, which Preact + signals + the required features do not meet; test/size ratchets it.
for (const [name, parts] of Object.entries(visitorLoads)) {
  const total = (key) => parts.reduce((n, part) => n + sizes[part][key], 0);
  console.log(`${name.padEnd(28)}${pad(total('minified'), 10)}${pad(total('gzip'), 10)}`);
}

// The modules of each optional feature still in the first open (paths under src/, without extension), for --breakdown.
const features = [
  ['forms: prechat, survey', ['ui/FormFieldView', 'ui/ChoiceField', 'ui/fill-form', 'ui/SurveyForm', 'ui/RatingChoice']],
  ['typing indicators, sneak peeks', ['ui/TypingIndicator', 'chat/typing-timers', 'chat/sneak-peek-throttle']],
  ['read receipts', ['chat/seen-marker', 'protocol/read-receipts']],
  ['older history, long chats', ['chat/load-older', 'chat/state/slice-chat', 'chat/fetch-threads']],
  ['greeting, offline notice', ['ui/GreetingBubble', 'ui/OfflineNotice']],
  ['page tracking', ['embed/track-pages']],
  ['config checks', ['embed/config-checks', 'embed/validate-config']],
  ['widget API events', ['embed/forward-store-events', 'embed/event-handlers', 'embed/widget-events', 'chat/new-events']],
  ['regions', ['protocol/region-switch', 'protocol/region-url']],
];

// What each part of the first open (the script tag's chatlet-embed.mjs) costs in gzip bytes: it is
// built once more with each module marked (esbuild's `// path` comments, kept when whitespace is) and
// gzipped without one part at a time. The difference, scaled to the published file's size, is what
// leaving that part out would save. Then what each chunk that loads later holds.
if (process.argv.includes('--breakdown')) {
  const o = outputs.find((x) => x.name == 'chatlet-embed (lazy)');
  const options = { ...common, ...o.options, ...where(o), minify: false, minifyIdentifiers: true, minifySyntax: true };
  const { outputFiles, metafile } = await build({ ...options, format: o.format, write: false });
  const text = Object.fromEntries(outputFiles.map((f) => [basename(f.path), f.text]));
  const outputsMeta = Object.fromEntries(Object.entries(metafile.outputs).map(([k, v]) => [basename(k), v]));
  const first = [basename(o.outfile)];
  for (const f of first) for (const i of outputsMeta[f].imports) if (i.kind == 'import-statement' && !first.includes(basename(i.path))) first.push(basename(i.path));
  // [0] of each file is what precedes its first module; every other part starts with its module's path.
  const split = (t) => t.replace(/^\s+/gm, '').split(/^\/\/ (?=\S+\n)/m);
  const head = first.map((f) => split(text[f])[0]).join('\n');
  const modules = first.flatMap((f) => split(text[f]).slice(1));
  const pathOf = (module) => module.slice(0, module.indexOf('\n')).replace(/^node_modules\//, '');
  const groupOf = (module) => {
    const path = module.slice(0, module.indexOf('\n'));
    const m = path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)(\/hooks)?/);
    return m ? m[1] + (m[2] ?? '') : path.split('/').slice(0, path.startsWith('src/chat/state') ? 3 : path.startsWith('src/') ? 2 : 1).join('/');
  };
  const gzip = (parts) => gzipSync([head, ...parts].join('\n'), { level: 9 }).length;
  const whole = gzip(modules);
  const table = (title, keyOf, rows, kept) => {
    console.log(`\n${title}`);
    const keys = [...new Set(modules.map(keyOf))].filter((k) => k != kept);
    const saved = keys.map((k) => [k, whole - gzip(modules.filter((m) => keyOf(m) != k))]);
    if (kept) saved.push([`all ${keys.length} of them`, whole - gzip(modules.filter((m) => keyOf(m) == kept))]);
    for (const [name, bytes] of saved.sort((a, b) => b[1] - a[1]).slice(0, rows)) {
      console.log(`  ${name.padEnd(50)}${pad(Math.round((bytes * sizes[o.name].gzip) / whole), 7)}`);
    }
  };
  table(`${o.name}, the first open: gzip bytes that leaving out one part would save`, groupOf, Infinity);
  table('the same for its costliest modules', pathOf, Number(process.env.BREAKDOWN_ROWS ?? 15));
  // What dropping a feature would save: its own modules (the calls into them elsewhere stay, so this
  // is a little under the truth). The last row drops every feature listed.
  const featureOf = (module) => features.find(([, files]) => files.some((f) => pathOf(module).startsWith(`src/${f}.`)))?.[0] ?? 'chat';
  table('the same for features still in the first open that a smaller widget could drop', featureOf, Infinity, 'chat');
  console.log('\nchunks that load when first needed, or on idle once the panel is usable (gzip, and what they hold)');
  for (const [row, s] of Object.entries(sizes).filter(([row]) => row.startsWith('chatlet-embed-'))) {
    const held = Object.keys(metafile.outputs[Object.keys(metafile.outputs).find((k) => basename(k).startsWith(basename(s.file).replace(/\.mjs$/, '').replace(/-[A-Z0-9]{8}$/, '-')) && basename(k).length == basename(s.file).length)]?.inputs ?? {});
    console.log(`  ${row.padEnd(50)}${pad(s.gzip, 7)}  ${held.map((p) => p.replace(/^src\/|^styles\//, '').replace(/\.\w+$/, '')).join(' ')}`);
  }
}
