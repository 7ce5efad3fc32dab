import { afterEach, describe, expect, it } from 'vitest';
import { Memo } from '../../../src/ui/Memo';
import { cleanup, mount } from './render';

afterEach(cleanup);

describe('Memo', () => {
  it('renders again only when a dep is not the same object as last time', () => {
    const event = { id: 'e1', text: 'hi' };
    let renders = 0;
    const row = (e: { text: string }, status: string) => (
      <Memo deps={[e, status]} render={() => (renders++, <p>{`${e.text} ${status}`}</p>)} />
    );
    const { root, rerender } = mount(row(event, 'sending'));
    expect(root.textContent).toBe('hi sending');

    rerender(row(event, 'sending'));
    expect(renders).toBe(1);

    rerender(row(event, 'sent'));
    expect([renders, root.textContent]).toEqual([2, 'hi sent']);

    // An equal but new object is a change: the store replaces an event it updates.
    rerender(row({ ...event, text: 'hello' }, 'sent'));
    expect([renders, root.textContent]).toEqual([3, 'hello sent']);
  });

  it('renders again when the number of deps changes', () => {
    const a = {};
    let renders = 0;
    const { rerender } = mount(<Memo deps={[a]} render={() => (renders++, null)} />);
    rerender(<Memo deps={[a, a]} render={() => (renders++, null)} />);
    expect(renders).toBe(2);
  });

  it('keeps the elements it rendered while skipping, so focus and state inside stay', () => {
    const deps = [1];
    const { root, rerender } = mount(<Memo deps={deps} render={() => <button>ok</button>} />);
    const button = root.querySelector('button')!;
    button.focus();
    rerender(<Memo deps={[1]} render={() => <button>other</button>} />);
    expect(root.querySelector('button')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(button.textContent).toBe('ok');
  });
});
