import css from '../../styles/menu.css';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { partStyles } from './part-styles';
import { StringsContext } from './strings';

partStyles(css);

/**
 * The header menu's list (a part: it loads with the first open of the menu, or on idle): whether sound
 * notifications play, as a checkbox item that takes focus when the list opens. Esc closes it (and
 * leaves the panel open), Tab leaves it.
 */
export function MenuPopup(props: { id: string; muted: boolean; onMute: (muted: boolean) => void; onClose: (refocus: boolean) => void }) {
  const t = useContext(StringsContext);
  const item = useRef<HTMLButtonElement>(null);
  useEffect(() => item.current?.focus(), []);
  return (
    <div
      id={props.id}
      role="menu"
      aria-label={t.options}
      onKeyDown={(e) => {
        if (e.key == 'Tab') props.onClose(false);
        if (e.key != 'Escape') return;
        e.stopPropagation();
        props.onClose(true);
      }}
    >
      <button
        ref={item}
        type="button"
        role="menuitemcheckbox"
        aria-checked={!props.muted}
        onClick={() => {
          props.onMute(!props.muted);
          props.onClose(true);
        }}
      >
        {t.sound}
      </button>
    </div>
  );
}
