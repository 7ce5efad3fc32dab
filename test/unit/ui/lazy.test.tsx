import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazy } from '../../../src/ui/lazy';
import { cleanup, mount } from './render';

afterEach(cleanup);

const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});

describe('lazy', () => {
  it('renders the fallback until its code is there, then the component, loading once', async () => {
    const Part = (props: { text: string }) => <p class="part">{props.text}</p>;
    const load = vi.fn(() => Promise.resolve(Part));
    const Lazy = lazy(load, (props: { text: string }) => <p class="wait">{props.text}</p>);
    const first = mount(<Lazy text="hi" />);
    expect(first.root.innerHTML).toBe('<p class="wait">hi</p>');
    const second = mount(<Lazy text="there" />);
    await settle();
    expect(first.root.innerHTML).toBe('<p class="part">hi</p>');
    expect(second.root.innerHTML).toBe('<p class="part">there</p>');
    // Loaded: a new one renders the component at once.
    expect(mount(<Lazy text="now" />).root.innerHTML).toBe('<p class="part">now</p>');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads ahead of rendering with load(), and tries a failed load again', async () => {
    const Part = () => <p>part</p>;
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Part);
    const Lazy = lazy(load);
    await expect(Lazy.load()).rejects.toThrow('offline');
    const shown = mount(<Lazy />);
    expect(shown.root.innerHTML).toBe('');
    await settle();
    expect(shown.root.innerHTML).toBe('<p>part</p>');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("renders the component when its code came between the fallback's render and its effect", async () => {
    const Part = () => <p>part</p>;
    let arrive: (c: typeof Part) => void = () => {};
    const Lazy = lazy(() => new Promise<typeof Part>((resolve) => (arrive = resolve)));
    // Loading ahead, as App does for the message list once the visitor has a chat.
    void Lazy.load();
    let afterPaint: (() => void) | undefined;
    const saved = options.requestAnimationFrame;
    options.requestAnimationFrame = (cb) => void (afterPaint = cb);
    const root = document.createElement('div');
    document.body.append(root);
    try {
      render(<Lazy />, root);
      expect(root.innerHTML).toBe('');
      arrive(Part);
      await settle();
      afterPaint!();
      await settle();
      expect(root.innerHTML).toBe('<p>part</p>');
    } finally {
      options.requestAnimationFrame = saved;
      render(null, root);
      root.remove();
    }
  });
});
