import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../src/ui/Composer';
import { cleanup, click, key, mount, type } from './render';

afterEach(cleanup);

/** The Composer with its text kept the way the store keeps the draft: typing sets it, sending clears it. */
function Owned(props: { onSend: (text: string) => void; onTyping?: (text: string) => void; disabledReason?: string }) {
  const [text, setText] = useState('');
  const typed = (value: string) => {
    setText(value);
    props.onTyping?.(value);
  };
  return <Composer text={text} onTyping={typed} onSend={(body) => (props.onSend(body), setText(''))} disabledReason={props.disabledReason} />;
}

describe('Composer', () => {
  it('sends on Enter, trims, clears and keeps focus', () => {
    const onSend = vi.fn();
    const onTyping = vi.fn();
    const { root } = mount(<Owned onSend={onSend} onTyping={onTyping} />);
    const ta = root.querySelector('textarea')!;
    expect(ta.getAttribute('aria-label')).toBe('Write a message…');
    type(ta, '  hello  ');
    expect(onTyping).toHaveBeenLastCalledWith('  hello  ');
    const ev = key(ta, 'Enter');
    expect(ev.defaultPrevented).toBe(true);
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(ta.value).toBe('');
  });

  it('breaks the line on Shift+Enter and ignores Enter while composing', () => {
    const onSend = vi.fn();
    const { root } = mount(<Owned onSend={onSend} />);
    const ta = root.querySelector('textarea')!;
    type(ta, 'a');
    expect(key(ta, 'Enter', { shiftKey: true }).defaultPrevented).toBe(false);
    expect(key(ta, 'Enter', { isComposing: true }).defaultPrevented).toBe(false);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('grows with line breaks up to five rows', () => {
    const { root } = mount(<Owned onSend={vi.fn()} />);
    const ta = root.querySelector('textarea')!;
    expect(ta.getAttribute('rows')).toBe('1');
    type(ta, 'a\nb\nc');
    expect(ta.getAttribute('rows')).toBe('3');
    type(ta, '1\n2\n3\n4\n5\n6\n7');
    expect(ta.getAttribute('rows')).toBe('5');
  });

  it('sends with the button, which is disabled while empty', () => {
    const onSend = vi.fn();
    const { root } = mount(<Owned onSend={onSend} />);
    const button = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-label')).toBe('Send');
    type(root.querySelector('textarea'), 'hi');
    click(button);
    expect(onSend).toHaveBeenCalledWith('hi');
  });

  it('is disabled with a visible reason linked to the input', () => {
    const onSend = vi.fn();
    const { root } = mount(<Owned onSend={onSend} disabledReason="Chat is unavailable." />);
    const ta = root.querySelector('textarea')!;
    expect(ta.disabled).toBe(true);
    const why = root.querySelector(`[id="${ta.getAttribute('aria-describedby')}"]`);
    expect(why?.textContent).toBe('Chat is unavailable.');
    key(ta, 'Enter');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('has an attach button only with onAttach: it opens the file picker, and the files picked are attached', () => {
    const { root: without } = mount(<Composer text="" onTyping={() => undefined} onSend={() => undefined} />);
    expect(without.querySelector('button.att')).toBeNull();
    expect(without.querySelector('input[type=file]')).toBeNull();
    cleanup();
    const onAttach = vi.fn();
    const { root } = mount(<Composer text="" onTyping={() => undefined} onSend={() => undefined} onAttach={onAttach} />);
    const button = root.querySelector<HTMLButtonElement>('button.att')!;
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Attach a file');
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.multiple).toBe(true);
    const opened = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    click(button);
    expect(opened).toHaveBeenCalled();
    const picked = new File(['x'], 'a.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [picked], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onAttach).toHaveBeenCalledWith([picked]);
  });

  it('attaches files pasted without text (a screenshot), and pastes text as text', () => {
    const onAttach = vi.fn();
    const { root } = mount(<Composer text="" onTyping={() => undefined} onSend={() => undefined} onAttach={onAttach} />);
    const ta = root.querySelector('textarea')!;
    const shot = new File(['png'], 'image.png', { type: 'image/png' });
    const paste = (types: string[], files: File[]) => {
      const event = new Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'clipboardData', { value: { types, files } });
      ta.dispatchEvent(event);
      return event;
    };
    expect(paste(['Files'], [shot]).defaultPrevented).toBe(true);
    expect(onAttach).toHaveBeenCalledWith([shot]);
    onAttach.mockClear();
    expect(paste(['text/plain', 'Files'], [shot]).defaultPrevented).toBe(false);
    expect(paste(['text/plain'], []).defaultPrevented).toBe(false);
    expect(onAttach).not.toHaveBeenCalled();
  });

  it('disables the attach button with the input', () => {
    const { root } = mount(<Composer text="" onTyping={() => undefined} onSend={() => undefined} onAttach={() => undefined} disabledReason="Chat is unavailable." />);
    expect(root.querySelector<HTMLButtonElement>('button.att')!.disabled).toBe(true);
  });
});
