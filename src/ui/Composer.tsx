import { useContext, useId, useRef } from 'preact/hooks';
import { Icon } from './Icon';
import { StringsContext } from './strings';

// Auto-grow without inline styles: CSS `field-sizing: content` where supported, and the `rows`
// attribute (counted from line breaks) everywhere else.
const MAX_ROWS = 5;

/**
 * The message input, showing `text` (its owner keeps it: the store's draft). Enter sends,
 * Shift+Enter breaks the line (and Enter while an IME is composing does neither); text is 16 px so
 * iOS does not zoom. With `disabledReason` the input is disabled and the reason shown, linked to it.
 */
export function Composer(props: {
  text: string;
  onTyping: (text: string) => void;
  onSend: (text: string) => unknown;
  disabledReason?: string | null | undefined;
  inputRef?: { current: HTMLTextAreaElement | null } | undefined;
}) {
  const t = useContext(StringsContext);
  const { text } = props;
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = props.inputRef ?? own;
  const why = useId();
  const disabled = !!props.disabledReason;
  const send = () => {
    const body = text.trim();
    if (!body || disabled) return;
    props.onSend(body);
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
          onInput={(e) => props.onTyping(e.currentTarget.value)}
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
