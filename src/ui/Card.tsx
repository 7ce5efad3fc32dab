import type { RichMessageElement } from '../protocol/types';
import { MessageText } from './MessageText';
import { RichButton, type ButtonHandler } from './RichButton';
import { safeUrl } from './safe-url';

/** One rich-message card: optional image, title, subtitle and buttons. */
export function Card({ element, isMine, onPress }: { element: RichMessageElement; isMine: (ids: unknown) => boolean; onPress: ButtonHandler }) {
  const img = safeUrl(element.image?.url);
  const buttons = Array.isArray(element.buttons) ? element.buttons : [];
  return (
    <div class="card">
      {img && <img src={img} alt={String(element.image?.name ?? element.title ?? '')} loading="lazy" />}
      {(element.title || element.subtitle) && (
        <div class="ctext">
          {element.title && <strong>{String(element.title)}</strong>}
          {element.subtitle && (
            <p>
              <MessageText text={String(element.subtitle)} />
            </p>
          )}
        </div>
      )}
      {buttons.length > 0 && (
        <div class="btns">
          {buttons.map((b, i) => (
            <RichButton key={i} button={b} pressed={isMine(b.user_ids)} onPress={onPress} />
          ))}
        </div>
      )}
    </div>
  );
}
