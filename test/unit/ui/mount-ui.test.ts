import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeStore } from '../../../demo/gallery/fake-store';
import { scenes } from '../../../demo/gallery/scenes';
import { followViewport, type ViewportLike } from '../../../src/ui/follow-viewport';
import { mountUi } from '../../../src/ui/mount-ui';
import { loadParts } from '../../../src/ui/parts';

beforeAll(() => loadParts());

function fakeViewport(height: number) {
  const listeners = new Map<string, () => void>();
  const vp = {
    height,
    offsetTop: 0,
    addEventListener: (name: string, fn: () => void) => listeners.set(name, fn),
    removeEventListener: (name: string) => listeners.delete(name),
  };
  return { vp: vp as unknown as ViewportLike & { height: number; offsetTop: number }, listeners };
}

describe('mountUi', () => {
  it('renders into the shadow root only and takes everything out again', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    // Each sheet's own remover: the core's, and those of the parts already loaded.
    const removers: Mock<() => void>[] = [];
    const addStyles = vi.fn(() => removers[removers.push(vi.fn<() => void>()) - 1]!);
    const headBefore = document.head.innerHTML;
    const { vp, listeners } = fakeViewport(500);
    const scene = scenes.find((s) => s.name === 'greeting')!;
    let unmount = () => {};
    act(() => {
      unmount = mountUi({ root, css: '.root{}', addStyles, store: fakeStore({ ...scene, visibility: 'minimized' }), viewport: vp });
    });
    expect(addStyles).toHaveBeenCalledWith('.root{}');
    expect(root.querySelector('button.launch')).not.toBeNull();
    expect(host.children).toHaveLength(0);
    expect(document.head.innerHTML).toBe(headBefore);
    expect(listeners.size).toBe(2);
    act(() => unmount());
    expect(root.childNodes).toHaveLength(0);
    expect(removers.map((r) => r.mock.calls.length)).toEqual(removers.map(() => 1));
    expect(listeners.size).toBe(0);
    expect(root.adoptedStyleSheets).toHaveLength(0);
    host.remove();
  });
});

/** A `nextTask` that resolves only when the test says so, one stage at a time. */
function steppedTasks() {
  const waiting: (() => void)[] = [];
  return {
    nextTask: () => new Promise<void>((resolve) => waiting.push(resolve)),
    async step() {
      act(() => waiting.shift()!());
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    get pending() {
      return waiting.length;
    },
  };
}

describe('mountUi in stages', () => {
  const shadow = () => {
    const host = document.createElement('div');
    document.body.append(host);
    return host.attachShadow({ mode: 'open' });
  };
  const store = () => fakeStore({ ...scenes.find((s) => s.name === 'greeting')!, visibility: 'minimized' });

  it('adds the stylesheet in one task and renders in the next, then says it is mounted', async () => {
    const root = shadow();
    const tasks = steppedTasks();
    const addStyles = vi.fn(() => () => {});
    const onMounted = vi.fn();
    mountUi({ root, css: '.root{}', addStyles, store: store(), nextTask: tasks.nextTask, onMounted });
    expect(addStyles).not.toHaveBeenCalled();
    await tasks.step();
    expect(addStyles).toHaveBeenCalledWith('.root{}');
    expect(root.childNodes).toHaveLength(0);
    expect(onMounted).not.toHaveBeenCalled();
    await tasks.step();
    expect(root.querySelector('button.launch')).not.toBeNull();
    expect(onMounted).toHaveBeenCalledOnce();
    expect(tasks.pending).toBe(0);
  });

  it('unmounted between stages, renders nothing and leaves nothing behind', async () => {
    const root = shadow();
    const tasks = steppedTasks();
    const removers: Mock<() => void>[] = [];
    const onMounted = vi.fn();
    const unmount = mountUi({
      root,
      css: '.root{}',
      addStyles: () => removers[removers.push(vi.fn<() => void>()) - 1]!,
      store: store(),
      nextTask: tasks.nextTask,
      onMounted,
    });
    await tasks.step();
    unmount();
    expect(removers.length).toBeGreaterThan(0);
    expect(removers.map((r) => r.mock.calls.length)).toEqual(removers.map(() => 1));
    await tasks.step();
    expect(root.childNodes).toHaveLength(0);
    expect(onMounted).not.toHaveBeenCalled();
  });
});

describe('mountUi and the parts that load later', () => {
  it("adds a part's stylesheet to its shadow root once, and removes it with the UI", () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const removed: string[] = [];
    const addStyles = vi.fn((css: string) => () => void removed.push(css));
    const store = fakeStore({ ...scenes.find((s) => s.name === 'chatting')!, visibility: 'maximized' });
    let unmount = () => {};
    act(() => {
      unmount = mountUi({ root, css: 'core', addStyles, store });
    });
    // The chatting scene renders rich messages several times: their sheet goes in once.
    const added = addStyles.mock.calls.map(([css]) => css);
    expect(added[0]).toBe('core');
    expect(added.filter((css) => css.includes('.car{'))).toHaveLength(1);
    expect(added.filter((css) => css.includes('.jump{'))).toHaveLength(1);
    expect(new Set(added).size).toBe(added.length);
    act(() => unmount());
    expect(removed.sort()).toEqual(added.sort());
  });
});

describe('followViewport', () => {
  it('writes the visual viewport height and offset into a shadow-root stylesheet', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const { vp, listeners } = fakeViewport(640);
    const stop = followViewport(root, vp);
    const text = () => [...root.adoptedStyleSheets.at(-1)!.cssRules].map((r) => r.cssText).join('');
    expect(text()).toContain('--vvh: 640px');
    vp.height = 310.4;
    vp.offsetTop = 120;
    listeners.get('resize')!();
    expect(text()).toContain('--vvh: 310px');
    expect(text()).toContain('--vvt: 120px');
    stop();
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });

  it('does nothing without a viewport', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    followViewport(root, null)();
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });
});
