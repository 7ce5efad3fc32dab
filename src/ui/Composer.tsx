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
 * With `onAttach`, a button picks files, and files pasted without text (a screenshot) are attached.
 */
export function Composer(props: {
  text: string;
  onTyping: (text: string) => void;
  onSend: (text: string) => unknown;
  onAttach?: ((files: File[]) => unknown) | undefined;
  disabledReason?: string | null | undefined;
  inputRef?: { current: HTMLTextAreaElement | null } | undefined;
}) {
  const t = useContext(StringsContext);
  const { text, onAttach } = props;
  const own = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
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
        {onAttach && (
          <>
            <button type="button" class="icon att" aria-label={t.attach} disabled={disabled} onClick={() => picker.current?.click()}>
              <Icon name="clip" />
            </button>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              aria-label={t.attach}
              onChange={(e) => {
                const input = e.currentTarget;
                onAttach([...input.files!]);
                // The same file can be picked again.
                input.value = '';
              }}
            />
          </>
        )}
        <textarea
          ref={ref}
          value={text}
          rows={Math.min(MAX_ROWS, text.split('\n').length)}
          placeholder={t.placeholder}
          aria-label={t.placeholder}
          aria-describedby={disabled ? why : undefined}
          disabled={disabled}
          onInput={(e) => props.onTyping(e.currentTarget.value)}
          onPaste={(e) => {
            const data = e.clipboardData;
            // Text copied with a picture of it (a spreadsheet's cells) pastes as text.
            if (!onAttach || !data?.files.length || data.types.includes('text/plain')) return;
            e.preventDefault();
            onAttach([...data.files]);
          }}
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
