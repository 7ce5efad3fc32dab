import css from '../../styles/webview.css';
import { useContext } from 'preact/hooks';
import { Icon } from './Icon';
import { safeUrl } from './safe-url';
import { StringsContext } from './strings';
import { partStyles } from './part-styles';

partStyles(css);

/** How much of the chat window a webview covers (the button's `webview_height`). */
export type WebviewHeight = 'compact' | 'tall' | 'full';

/**
 * A webview button's page in a sandboxed iframe sliding over the chat, with a close button.
 * Only http(s) pages open; the sandbox keeps them from touching the widget or the host page.
 */
export function WebviewPanel({ url, height, onClose }: { url: string; height: WebviewHeight | undefined; onClose: () => void }) {
  const t = useContext(StringsContext);
  const src = safeUrl(url);
  if (!src) return null;
  return (
    <div class={`wv ${height === 'compact' || height === 'full' ? height : 'tall'}`} role="dialog" aria-label={t.webview}>
      <button type="button" class="icon" aria-label={t.close} onClick={onClose}>
        <Icon name="close" />
      </button>
      <iframe src={src} title={t.webview} sandbox="allow-scripts allow-forms allow-popups" referrerpolicy="no-referrer" />
    </div>
  );
}
