// Only signals-core here: the component must follow signals without @preact/signals' option hooks.
import { signal } from '@preact/signals-core';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { tracked } from '../../../src/ui/tracked';
import { cleanup, click, mount } from './render';

afterEach(cleanup);

describe('tracked', () => {
  it('re-renders when a signal read while rendering changes', () => {
    const count = signal(1);
    let renders = 0;
    const View = tracked(() => {
      renders++;
      return <p>{count.value}</p>;
    });
    const r = mount(<View />);
    expect(r.root.textContent).toBe('1');
    act(() => void (count.value = 2));
    expect(r.root.textContent).toBe('2');
    expect(renders).toBe(2);
  });

  it('follows only what the latest render read', () => {
    const useA = signal(true);
    const a = signal('a');
    const b = signal('b');
    let renders = 0;
    const View = tracked(() => {
      renders++;
      return <p>{useA.value ? a.value : b.value}</p>;
    });
    const r = mount(<View />);
    act(() => void (b.value = 'b2'));
    expect(renders).toBe(1);
    act(() => void (useA.value = false));
    expect(r.root.textContent).toBe('b2');
    act(() => void (a.value = 'a2'));
    expect(renders).toBe(2);
    act(() => void (b.value = 'b3'));
    expect(r.root.textContent).toBe('b3');
  });

  it('keeps props, hooks and their state across re-renders', () => {
    const label = signal('n');
    const View = tracked(({ step }: { step: number }) => {
      const [n, setN] = useState(0);
      return (
        <button onClick={() => setN(n + step)}>
          {label.value}
          {n}
        </button>
      );
    });
    const r = mount(<View step={2} />);
    click(r.root.querySelector('button'));
    act(() => void (label.value = 'm'));
    expect(r.root.textContent).toBe('m2');
  });

  it('stops listening once unmounted', () => {
    const count = signal(0);
    let renders = 0;
    const View = tracked(() => {
      renders++;
      return <p>{count.value}</p>;
    });
    const r = mount(<View />);
    r.unmount();
    act(() => void (count.value = 1));
    expect(renders).toBe(1);
  });

  it('wraps every component that reads the store or view signals', () => {
    // An unwrapped component would read a signal once and never update: the UI would go stale.
    const dir = resolve(__dirname, '../../../src/ui');
    const readers = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /\b(store|view)\.\w+\.value\b/.test(readFileSync(resolve(dir, f), 'utf8')));
    expect(readers.length).toBeGreaterThan(0);
    for (const f of readers) expect(readFileSync(resolve(dir, f), 'utf8'), f).toMatch(/= tracked\(/);
  });
});
