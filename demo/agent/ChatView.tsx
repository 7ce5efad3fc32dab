// The open chat: who is in it, the timeline with postback notices, the customer's live sneak
// peek and typing, and the composer (or a Join button for chats the agent is not in).
import { useEffect, useRef } from 'preact/hooks';
import { Composer } from './Composer';
import { displayName, noticeText, ratingOf, timeline, userName } from './console-selectors';
import type { ConsoleChat } from './console-state';
import type { ConsoleStore } from './console-store';
import { EventItem } from './EventItem';
import { RatingBadge } from './RatingBadge';

/**
 * The conversation pane.
 * @example
 * <ChatView chat={chat} me="agent@chatlet.test" store={store} />
 */
export function ChatView({ chat, me, store }: { chat: ConsoleChat; me: string; store: ConsoleStore }) {
  const member = chat.agentIds.includes(me);
  const items = timeline(chat);
  const list = useRef<HTMLOListElement>(null);
  const typists = chat.typing.filter((id) => id !== me).map((id) => userName(chat, id));
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [items.length, chat.sneakPeek, typists.length]);
  const agents = chat.agentIds.map((id) => (id === me ? 'you' : userName(chat, id)));
  const rating = ratingOf(chat);
  return (
    <section class="view" aria-label={`Chat with ${displayName(chat)}`}>
      <header class="view-head">
        <div class="who">
          <h2>{displayName(chat)}</h2>
          <p>{!chat.active ? 'Closed' : agents.length > 0 ? `With ${agents.join(', ')}` : 'Waiting in the queue'}</p>
        </div>
        {rating && <RatingBadge rating={rating} />}
        {chat.active && !member && (
          <button type="button" class="primary" onClick={() => store.join(chat.id)}>
            {chat.agentIds.length > 0 ? 'Join chat' : 'Pick up'}
          </button>
        )}
        {chat.active && member && (
          <button type="button" class="danger" onClick={() => store.closeChat(chat.id)}>
            Close chat
          </button>
        )}
      </header>
      <ol class="timeline" ref={list}>
        {items.map((item) =>
          item.kind === 'event' ? (
            <EventItem key={item.event.id} event={item.event} chat={chat} me={me} />
          ) : (
            <li key={item.notice.id} class="notice">
              {noticeText(chat, item.notice)}
            </li>
          ),
        )}
      </ol>
      <div class="live" aria-live="polite">
        {chat.sneakPeek !== undefined && (
          <p class="peek">
            <span class="label">Sneak peek</span> {chat.sneakPeek}
          </p>
        )}
        {typists.length > 0 && <p class="typing">{typists.join(', ')} typing…</p>}
      </div>
      {chat.active && member ? (
        <Composer chatId={chat.id} store={store} />
      ) : (
        <p class="note">{chat.active ? 'Join the chat to reply.' : 'This chat is closed.'}</p>
      )}
    </section>
  );
}
