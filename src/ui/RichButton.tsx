import type { RichMessageButton } from '../protocol/types';
import { safeUrl } from './safe-url';

/** What a rich-message button reports when the visitor activates it. */
export type ButtonHandler = (button: RichMessageButton) => void;

function href(b: RichMessageButton): string | null {
  const v = String(b.value ?? '').trim();
  if (b.type === 'url') return safeUrl(v);
  if (b.type === 'phone') {
    const digits = v.replace(/^tel:/i, '').replace(/[\s().-]/g, '');
    return /^\+?[\d*#]{3,}$/.test(digits) ? 'tel:' + digits : null;
  }
  return null;
}

/**
 * One rich-message button. `url` and `phone` buttons are real links (http(s) / `tel:` only;
 * anything else renders inert); `message` and `webview` buttons are buttons (a webview only with an
 * http(s) page). `pressed` marks the visitor's own choice (its id is in `user_ids`).
 */
export function RichButton({ button, pressed, onPress }: { button: RichMessageButton; pressed: boolean; onPress: ButtonHandler }) {
  const text = String(button.text ?? '');
  const cls = pressed ? 'btn on' : 'btn';
  if (button.type === 'url' || button.type === 'phone') {
    const link = href(button);
    return link ? (
      <a class={cls} href={link} target={button.type === 'url' ? '_blank' : undefined} rel="noopener noreferrer" onClick={() => onPress(button)}>
        {text}
      </a>
    ) : (
      <span class="btn off">{text}</span>
    );
  }
  if (button.type === 'webview' && !safeUrl(button.value)) return <span class="btn off">{text}</span>;
  return (
    <button type="button" class={cls} aria-pressed={button.type === 'webview' ? undefined : pressed} onClick={() => onPress(button)}>
      {text}
    </button>
  );
}
