// One event of the open chat: messages as bubbles (the customer's on the left, agents' on the
// right), system messages centred, everything else through EventBody.
import type { Json } from './agent-client';
import { clock, userName } from './console-selectors';
import type { ConsoleChat } from './console-state';
import { EventBody } from './EventBody';

/**
 * An event of the timeline.
 * @example
 * <EventItem event={event} chat={chat} me="agent@chatlet.test" />
 */
export function EventItem({ event, chat, me }: { event: Json; chat: ConsoleChat; me: string }) {
  if (event.type === 'system_message') return <li class="system">{String(event.text ?? '')}</li>;
  const author = typeof event.author_id === 'string' ? event.author_id : '';
  const fromCustomer = chat.users.some((u) => u.id === author && u.type === 'customer');
  const side = fromCustomer ? 'them' : author === me ? 'me' : 'agent';
  return (
    <li class={`event ${side} ${String(event.type)}`}>
      <span class="meta">
        {author === me ? 'You' : userName(chat, author)}
        {event.type === 'filled_form' && ' filled a form'} · {clock(event)}
        {event.recipients === 'agents' && ' · agents only'}
      </span>
      <EventBody event={event} chat={chat} />
    </li>
  );
}
