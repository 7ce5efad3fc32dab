import type { RichMessageElement } from '../protocol/types';
import { MessageText } from './MessageText';
import { RichButton, type ButtonHandler } from './RichButton';

/**
 * Quick replies: the prompt as a bubble and its buttons as a row of pills. Once the visitor picked
 * one, the others are disabled so the choice reads as made.
 *
 * @example
 * <QuickReplies element={{ title: 'Pick one', buttons: [] }} isMine={() => false} onPress={fn} />
 */
export function QuickReplies({ element, isMine, onPress }: { element: RichMessageElement; isMine: (ids: unknown) => boolean; onPress: ButtonHandler }) {
  const buttons = Array.isArray(element.buttons) ? element.buttons : [];
  const chosen = buttons.some((b) => isMine(b.user_ids));
  return (
    <div class="qr">
      {element.title && (
        <p class="bub">
          <MessageText text={String(element.title)} />
        </p>
      )}
      <div class="pills">
        {buttons.map((b, i) =>
          chosen && !isMine(b.user_ids) ? (
            <button key={i} type="button" class="btn" disabled>
              {String(b.text ?? '')}
            </button>
          ) : (
            <RichButton key={i} button={b} pressed={isMine(b.user_ids)} onPress={onPress} />
          ),
        )}
      </div>
    </div>
  );
}
