// The gallery: every UI state from fixtures. Without `?scene=` it shows all scenes side by side,
// each in an iframe (so each has its own viewport for the phone layout); with `?scene=<name>` it
// renders that one scene into a shadow root the way the embed layer will.
import css from '../../styles/widget.css';
import { mountUi } from '../../src/ui/mount-ui';
import { fakeStore } from './fake-store';
import { scenes, type Scene } from './scenes';

function adopt(root: ShadowRoot, text: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet));
}

function showScene(scene: Scene) {
  document.title = `Chatlet — ${scene.title}`;
  document.documentElement.className = scene.scheme === 'dark' ? 'dark' : '';
  if (scene.dir) document.documentElement.dir = scene.dir;
  const host = document.createElement('chatlet-widget');
  if (scene.inline) {
    const target = document.createElement('div');
    target.className = 'target';
    target.append(host);
    document.body.append(target);
  } else {
    document.body.append(host);
  }
  const root = host.attachShadow({ mode: 'open' });
  const theme = `:host{color-scheme:${scene.scheme ?? 'light'}${scene.position === 'left' ? ';--chatlet-left:20px;--chatlet-right:auto' : ''}}`;
  adopt(root, theme);
  mountUi({
    root,
    css,
    addStyles: (text) => adopt(root, text),
    store: fakeStore(scene, { echoMs: 700 }),
    viewport: window.visualViewport,
    inline: !!scene.inline,
    strings: scene.strings,
  });
}

function showIndex() {
  const list = document.createElement('main');
  for (const s of scenes) {
    const fig = document.createElement('figure');
    const frame = document.createElement('iframe');
    frame.src = `?scene=${s.name}`;
    frame.title = s.title;
    frame.width = String(s.width ?? 500);
    frame.height = String(s.height ?? 820);
    const cap = document.createElement('figcaption');
    cap.textContent = `${s.title} — ${s.name}`;
    fig.append(cap, frame);
    list.append(fig);
  }
  document.body.append(list);
}

const name = new URLSearchParams(location.search).get('scene');
const scene = scenes.find((s) => s.name === name);
if (scene) showScene(scene);
else showIndex();
