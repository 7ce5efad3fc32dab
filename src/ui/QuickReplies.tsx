import type { RichMessageElement } from '../protocol/types';
import { MessageText } from './MessageText';
import { RichButton, type ButtonHandler } from './RichButton';

/**
 * Quick replies: the prompt as a bubble and its buttons as a row of pills. Once the visitor picked
 * one, the others are disabled so the choice reads as made. Once the conversation moved on
 * (`stale`) without a pick, the pills go and the prompt stays: an answer to an earlier question,
 * sent out of turn, would only confuse the agent.
 */
export function QuickReplies({
  element,
  isMine,
  onPress,
  stale,
}: {
  element: RichMessageElement;
  isMine: (ids: unknown) => boolean;
  onPress: ButtonHandler;
  stale?: boolean | undefined;
}) {
  const all = Array.isArray(element.buttons) ? element.buttons : [];
  const chosen = all.some((b) => isMine(b.user_ids));
  const buttons = stale && !chosen ? [] : all;
  return (
    <div class="qr">
      {element.title && (
        <p class="bub">
          <MessageText text={String(element.title)} />
        </p>
      )}
      {buttons.length > 0 && (
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
      )}
    </div>
  );
}
