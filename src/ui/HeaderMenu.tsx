import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { Icon } from './Icon';
import { StringsContext } from './strings';

/**
 * The chat window's header menu: a button that opens the chat's options, for now whether sound
 * notifications play (a checkbox item, remembered by the store). Esc closes it and gives focus back to
 * its button (and leaves the panel open); Tab, or focus leaving it, closes it.
 */
export function HeaderMenu({ muted, onMute }: { muted: boolean; onMute: (muted: boolean) => void }) {
  const t = useContext(StringsContext);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (open) item.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div class="menu" onFocusOut={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOpen(false)}>
      <button
        ref={button}
        type="button"
        class="icon"
        aria-label={t.options}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div
          id={id}
          role="menu"
          aria-label={t.options}
          onKeyDown={(e) => {
            if (e.key == 'Tab') setOpen(false);
            if (e.key != 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <button
            ref={item}
            type="button"
            role="menuitemcheckbox"
            aria-checked={!muted}
            onClick={() => {
              onMute(!muted);
              close();
            }}
          >
            {t.sound}
          </button>
        </div>
      )}
    </div>
  );
}
