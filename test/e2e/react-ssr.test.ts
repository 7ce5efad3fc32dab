// `chatlet/react` rendered on the server, in plain Node (no window, no document: touching either
// throws), with React 18 and 19: importing and rendering does not throw or warn, <ChatWidget>
// renders its children and nothing of its own, and the hooks answer "no widget".
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir } from './helpers';

const repo = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'chatlet-ssr-'));
afterAll(() => removeDir(dir));

const APP = `
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import * as adapter from 'chatlet/react';
const { ChatWidget, useChatWidget, useWidgetChatData, useWidgetCustomerData, useWidgetGreeting, useWidgetIsReady, useWidgetState, useWidgetUnreadCount } = adapter;
function Hooks() {
  const value = [useChatWidget(), useWidgetIsReady(), useWidgetState(), useWidgetChatData(), useWidgetCustomerData(), useWidgetGreeting(), useWidgetUnreadCount()];
  return h('pre', null, JSON.stringify(value));
}
const widget = h(ChatWidget, { licenseId: 12345, visibility: 'maximized', customerName: 'Ann', sessionVariables: { plan: 'pro' }, onReady() {} }, h(Hooks));
const html = renderToString(h('main', null, widget, h(ChatWidget, { licenseId: 12345 }), h(Hooks)));
console.log(JSON.stringify({ html, exports: Object.keys(adapter).sort(), window: typeof window, document: typeof document }));
`;

describe.each(['18', '19'])('React %s on the server', (version) => {
  it('renders the children only, and the hooks without a widget', async () => {
    writeFileSync(join(dir, 'app.mjs'), APP);
    const outfile = join(dir, `server-${version}.cjs`);
    await build({
      entryPoints: [join(dir, 'app.mjs')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      alias: {
        react: join(repo, `node_modules/react-${version}`),
        'react-dom': join(repo, `node_modules/react-dom-${version}`),
        'chatlet/react': join(repo, 'dist/react.mjs'),
      },
      logLevel: 'warning',
    });
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [outfile]);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out.window).toBe('undefined');
    expect(out.document).toBe('undefined');
    const none = '[null,false,null,null,null,null,0]';
    expect(out.html).toBe(`<main><pre>${none}</pre><pre>${none}</pre></main>`);
    expect(out.exports).toEqual([
      'ChatWidget',
      'useChatWidget',
      'useWidgetChatData',
      'useWidgetCustomerData',
      'useWidgetGreeting',
      'useWidgetIsReady',
      'useWidgetState',
      'useWidgetUnreadCount',
    ]);
  });
});
