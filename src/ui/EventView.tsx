import type { ChatEvent } from '../protocol/types';
import { FilledFormSummary } from './FilledFormSummary';
import { MessageText } from './MessageText';
import { FileMessage, RichMessage } from './parts';
import type { ButtonHandler } from './RichButton';
import { SystemMessage } from './SystemMessage';
import { UnknownEvent } from './UnknownEvent';

/**
 * Renders any event a customer can receive by its `type`; an unknown or malformed type gets the
 * neutral notice. Pair with {@link Safe} so a renderer that throws cannot take the list down.
 * `stale`: events came after this one (quick replies then stop offering their answers).
 */
export function EventView({
  event,
  customerId,
  onPress,
  stale,
}: {
  event: ChatEvent;
  customerId: string | undefined;
  onPress: ButtonHandler;
  stale?: boolean;
}) {
  switch (event.type) {
    case 'message':
      return (
        <p class="bub">
          <MessageText text={String(event.text ?? '')} />
        </p>
      );
    case 'system_message':
      return <SystemMessage event={event} />;
    case 'file':
      return <FileMessage event={event} />;
    case 'filled_form':
      return <FilledFormSummary event={event} />;
    case 'rich_message':
      return <RichMessage event={event} customerId={customerId} onPress={onPress} stale={stale} />;
    default:
      return <UnknownEvent />;
  }
}
