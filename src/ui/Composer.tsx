import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { Icon } from './Icon';
import { StringsContext } from './strings';

// Auto-grow without inline styles: CSS `field-sizing: content` where supported, and the `rows`
// attribute (counted from line breaks) everywhere else.
const MAX_ROWS = 5;

/**
 * The message input. Enter sends, Shift+Enter breaks the line (and Enter while an IME is composing
 * does neither); text is 16 px so iOS does not zoom. With `disabledReason` the input is disabled and
 * the reason is shown and linked to it. A failed `onSend` (returning `false`) keeps the text.
 *
 * @example
 * <Composer onSend={(text) => actions.sendMessage(text)} onTyping={actions.typing} />
 */
export function Composer(props: {
  onSend: (text: string) => unknown;
  onTyping?: ((text: string) => void) | undefined;
  disabledReason?: string | null | undefined;
  inputRef?: { current: HTMLTextAreaElement | null } | undefined;
  /** Text to pre-fill (`maximize({ messageDraft })`); ignored while the visitor has typed something. */
  draft?: string | undefined;
}) {
  const t = useContext(StringsContext);
  const [text, setText] = useState('');
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = props.inputRef ?? own;
  const why = useId();
  const disabled = !!props.disabledReason;
  useEffect(() => {
    if (props.draft) setText((current) => current || props.draft!);
  }, [props.draft]);
  const change = (value: string) => {
    setText(value);
    props.onTyping?.(value);
  };
  const send = () => {
    const body = text.trim();
    if (!body || disabled || props.onSend(body) === false) return;
    change('');
    ref.current?.focus();
  };
  return (
    <form
      class="comp"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {disabled && (
        <p class="why" id={why}>
          {props.disabledReason}
        </p>
      )}
      <div class="row">
        <textarea
          ref={ref}
          value={text}
          rows={Math.min(MAX_ROWS, text.split('\n').length)}
          placeholder={t.placeholder}
          aria-label={t.placeholder}
          aria-describedby={disabled ? why : undefined}
          disabled={disabled}
          onInput={(e) => change(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" class="icon send" aria-label={t.send} disabled={disabled || !text.trim()}>
          <Icon name="send" />
        </button>
      </div>
    </form>
  );
}
