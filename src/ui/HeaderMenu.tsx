import { useContext, useId, useRef, useState } from 'preact/hooks';
import { Icon } from './Icon';
import { MenuPopup } from './parts';
import { StringsContext } from './strings';

/**
 * The chat window's header menu: a button that opens the chat's options (`MenuPopup`, for now whether
 * sound notifications play). Focus leaving the menu closes it; closing from inside gives focus back
 * to the button.
 */
export function HeaderMenu({ muted, onMute }: { muted: boolean; onMute: (muted: boolean) => void }) {
  const t = useContext(StringsContext);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
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
        <MenuPopup
          id={id}
          muted={muted}
          onMute={onMute}
          onClose={(refocus) => {
            setOpen(false);
            if (refocus) button.current?.focus();
          }}
        />
      )}
    </div>
  );
}
