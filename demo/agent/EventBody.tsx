// The content of one event by type: text, form answers, rich message, file.
import type { Json } from './agent-client';
import { formAnswers } from './console-selectors';
import type { ConsoleChat } from './console-state';
import { FileEvent } from './FileEvent';
import { RichEvent } from './RichEvent';

/**
 * What an event says, without its author line.
 * @example
 * <EventBody event={event} chat={chat} />
 */
export function EventBody({ event, chat }: { event: Json; chat: ConsoleChat }) {
  switch (event.type) {
    case 'message':
      return <p class="text">{String(event.text ?? '')}</p>;
    case 'filled_form':
      return (
        <dl class="form">
          {formAnswers(event).map((a, i) => [<dt key={`t${i}`}>{a.label}</dt>, <dd key={`d${i}`}>{a.answer}</dd>])}
        </dl>
      );
    case 'rich_message':
      return <RichEvent event={event} chat={chat} />;
    case 'file':
      return <FileEvent event={event} />;
    default:
      return <p class="text muted">({String(event.type)} event)</p>;
  }
}
