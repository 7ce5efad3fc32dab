// A rich message (cards, carousel or quick replies) as the agent sees it: its elements and
// which buttons the customer pressed.
import type { Json } from './agent-client';
import { userName } from './console-selectors';
import type { ConsoleChat } from './console-state';
import { safeUrl } from './safe-url';

/**
 * The rich message's template name, elements and buttons (✓ once pressed).
 * @example
 * <RichEvent event={richMessage} chat={chat} />
 */
export function RichEvent({ event, chat }: { event: Json; chat: ConsoleChat }) {
  const elements: Json[] = Array.isArray(event.elements) ? event.elements : [];
  return (
    <div class={`rich ${event.template_id === 'quick_replies' ? 'quick' : 'cards'}`}>
      <span class="template">{event.template_id === 'quick_replies' ? 'Quick replies' : event.template_id === 'cards' ? 'Cards' : String(event.template_id ?? 'Rich message')}</span>
      <div class="elements">
        {elements.map((el, i) => (
          <div class="element" key={i}>
            {safeUrl(el.image?.url) && <img src={safeUrl(el.image.url)} alt="" loading="lazy" />}
            {el.title && <strong>{String(el.title)}</strong>}
            {el.subtitle && <span class="sub">{String(el.subtitle)}</span>}
            {Array.isArray(el.buttons) && (
              <span class="buttons">
                {el.buttons.map((b: Json, j: number) => {
                  const who: string[] = Array.isArray(b.user_ids) ? b.user_ids : [];
                  return (
                    <span key={j} class={`button${who.length > 0 ? ' pressed' : ''}`} title={who.length > 0 ? `Clicked by ${who.map((id) => userName(chat, id)).join(', ')}` : 'Not clicked yet'}>
                      {who.length > 0 && '✓ '}
                      {String(b.text ?? b.postback_id ?? '')}
                    </span>
                  );
                })}
              </span>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
