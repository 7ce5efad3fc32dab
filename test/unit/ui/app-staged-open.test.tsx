// Opening renders the panel's frame first and its body after the next paint, and focus follows: the
// panel, then the message input or the prechat form's first field, never away from where the visitor is.
// @vitest-environment-options {"settings":{"disableIframePageLoading":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeStore } from '../../../demo/gallery/fake-store';
import { scenes } from '../../../demo/gallery/scenes';
import { App } from '../../../src/ui/App';
import type { Visibility } from '../../../src/chat/visibility';
import { cleanup, mount, type } from './render';
import { loadParts } from '../../../src/ui/parts';

// The parts that load later (rich messages, files, the list…) are here before any test renders.
beforeAll(() => loadParts());

afterEach(cleanup);

const scene = (name: string) => scenes.find((s) => s.name === name)!;
const active = () => document.activeElement;

function show(name: string, visibility: Visibility, focus = false) {
  const store = fakeStore({ ...scene(name), visibility });
  const r = mount(<App store={store} focus={focus} />);
  const q = <T extends Element = HTMLElement>(sel: string) => r.root.querySelector(sel) as T | null;
  return { ...r, store, q };
}

describe('opening in stages', () => {
  it('paints the panel frame, then its body after the paint, and focus moves from the panel to the first field', async () => {
    // Renders and after-paint effects by hand, outside `act`, to see each stage.
    let afterPaint: (() => void) | undefined;
    const saved = options.requestAnimationFrame;
    options.requestAnimationFrame = (cb) => void (afterPaint = cb);
    const settle = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    const root = document.createElement('div');
    document.body.append(root);
    try {
      const store = fakeStore({ ...scene('prechat'), visibility: 'minimized' });
      render(<App store={store} />, root);
      root.querySelector<HTMLButtonElement>('button.launch')!.focus();
      store.actions.setVisibility('maximized');
      await settle();
      const panel = root.querySelector<HTMLElement>('.panel')!;
      expect(panel.hidden).toBe(false);
      expect(panel.querySelector('header, .hd, h2')).not.toBeNull();
      expect(panel.querySelector('.body')!.childNodes).toHaveLength(0);
      expect(panel.querySelector('form')).toBeNull();

      afterPaint!();
      await settle();
      expect(active()).toBe(panel);
      expect(panel.querySelector('form.survey')).not.toBeNull();

      afterPaint!();
      await settle();
      expect(active()).toBe(panel.querySelector('form.survey :is(input,select,textarea)'));
    } finally {
      options.requestAnimationFrame = saved;
      render(null, root);
      root.remove();
    }
  });

  it('with focus, takes it once painted: the open panel’s message input, else the launcher', () => {
    const open = show('welcome', 'maximized', true);
    expect(active()).toBe(open.q('textarea'));
    open.unmount();
    const closed = show('welcome', 'minimized', true);
    expect(active()).toBe(closed.q('button.launch'));
    closed.unmount();
    const quiet = show('welcome', 'maximized');
    expect(active()).toBe(document.body);
  });

  it('moves focus to the prechat form when it replaces the message input that had it', () => {
    const { q, store } = show('welcome', 'maximized', true);
    expect(active()).toBe(q('textarea'));
    act(() => store.dispatch(...scene('prechat').changes.filter((a) => a.type === 'form_loaded')));
    expect(q('form.comp')).toBeNull();
    expect(active()).toBe(q('form.survey :is(input,select,textarea)'));
  });

  it('leaves focus where the visitor moved it when the form arrives', () => {
    const { q, store } = show('welcome', 'maximized', true);
    const minimize = q<HTMLButtonElement>('.panel header button, .panel button')!;
    minimize.focus();
    act(() => store.dispatch(...scene('prechat').changes.filter((a) => a.type === 'form_loaded')));
    expect(q('form.survey')).not.toBeNull();
    expect(active()).toBe(minimize);
  });

  it('hands focus on from the panel to the message input once the input is enabled', () => {
    const store = fakeStore({ ...scene('welcome'), visibility: 'maximized', connection: { state: 'closed', reason: null } });
    const { root } = mount(<App store={store} focus />);
    const textarea = root.querySelector<HTMLTextAreaElement>('textarea')!;
    expect([textarea.disabled, active()]).toEqual([true, root.querySelector('.panel')]);
    act(() => void (store.connection.value = { state: 'connecting', reason: null }));
    expect(active()).toBe(textarea);
  });

  it('keeps what the visitor typed while the rest of the chat starts (login, a re-render)', () => {
    const { q, store } = show('welcome', 'maximized', true);
    type(q('textarea'), 'Hello, is anyone there?');
    act(() => void (store.connection.value = { state: 'reconnecting', reason: 'socket_closed' }));
    act(() => void (store.connection.value = { state: 'online', reason: null }));
    expect(q<HTMLTextAreaElement>('textarea')!.value).toBe('Hello, is anyone there?');
    expect(active()).toBe(q('textarea'));
  });
});
