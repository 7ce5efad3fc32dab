// What a visitor loads until the chat is open, in gzip bytes. Through the script tag that is measured
// in Chromium (first-open-size.test.ts); through npm it is chatlet.mjs plus the chatlet-app.mjs it
// imports on intent, here a ratchet just above what issue 18's redesign reached (37,012 B) plus what
// visitors' files added to it (issue 19: the attach button, drop, paste and the outbox's file entries,
// 1,229 B), +206 B for plural messages and the `locale` option's check, +604 B for choosing the locale
// and loading its chunk (one `import()` per locale, so an app's bundler splits each out), +240 B for the
// greeting and customer status events (issue 21), and the visitor's tabs (issue 20: the election and
// its link, drafts, the page's attention, the header's menu, 2,094 B), then -2,154 B for what a prechat
// screen does not show, moved to parts (39,230 B measured), +23 B for focus handed on to an input
// enabled later (39,253 B), so growth is a deliberate decision.
// The parts that load later are chunks of their own, next to each entry: the visitor's files among
// them, and the tabs' code a lone tab never loads (the tab client of a tab that follows, the leader's
// serving code) and the chime's.
// Reads the built files, so run `node build.mjs` first (`npm test` does).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const NPM = { files: ['dist/chatlet.mjs', 'dist/chatlet-app.mjs'], limit: 39_253 };
const PARTS = ['MessageList', 'RichMessage', 'FileMessage', 'WebviewPanel', 'Postchat', 'load-older', 'Attachment', 'DropTarget', 'attachments'];
// What the first open with a prechat form does without: texts, components and the store's code.
const LATER = ['later-strings', 'GreetingBubble', 'RatingChoice', 'StopReason', 'OfflineNotice', 'TypingIndicator', 'live-chat', 'later-actions'];
const TABS = ['tab-client', 'tab-serve', 'page-chime'];

const gzip = (file: string) => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node build.mjs\` first`);
  return gzipSync(readFileSync(file), { level: 9 }).length;
};
const chunks = (entry: string) => readdirSync('dist').filter((f) => f.startsWith(`${entry}-`)).map((f) => `dist/${f}`);

describe('what a visitor loads', () => {
  it(`through npm stays within the ${NPM.limit} B gzip ratchet until the chat is open`, () => {
    const total = NPM.files.map(gzip).reduce((a, b) => a + b, 0);
    expect(total, `${NPM.files.join(' + ')} = ${total} B gzip`).toBeLessThanOrEqual(NPM.limit);
  });

  it('keeps each part that loads later in a chunk of its own, beside both entries', () => {
    for (const entry of ['chatlet-embed', 'chatlet-app']) {
      for (const part of [...PARTS, ...LATER, ...TABS]) expect(chunks(entry).some((f) => f.includes(`-${part}-`)), `${entry}: ${part}`).toBe(true);
    }
  });

  it("has V8 compile the app's functions while streaming them (explicit compile hint on the first line)", () => {
    // Without it every function compiles on its first call, on the main thread, as the chat opens.
    for (const file of ['dist/chatlet-embed.mjs', 'dist/chatlet-app.mjs', ...chunks('chatlet-embed'), ...chunks('chatlet-app')]) {
      expect(readFileSync(file, 'utf8').split('\n', 1)[0], file).toBe('//# allFunctionsCalledOnLoad');
    }
  });

  it('matches the sizes build.mjs reports', () => {
    const sizes: Record<string, { file: string; gzip: number }> = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
    for (const file of [...NPM.files, 'dist/chatlet-embed.mjs', ...chunks('chatlet-embed')]) {
      expect(Object.values(sizes).find((s) => s.file === file)?.gzip, file).toBe(gzip(file));
    }
  });
});
