// One chat in the sidebar: customer, last words (or "typing…") and unread count.
import { displayName, preview } from './console-selectors';
import type { ConsoleChat } from './console-state';

/**
 * A row of the chat list.
 * @example
 * <ChatListItem chat={chat} selected={false} onSelect={store.select} />
 */
export function ChatListItem({ chat, selected, onSelect }: { chat: ConsoleChat; selected: boolean; onSelect: (id: string) => void }) {
  const typing = chat.active && (chat.typing.length > 0 || chat.sneakPeek !== undefined);
  return (
    <li>
      <button type="button" class={`item${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={() => onSelect(chat.id)}>
        <span class="avatar" aria-hidden="true">
          {displayName(chat).slice(0, 1).toUpperCase()}
        </span>
        <span class="text">
          <span class="name">{displayName(chat)}</span>
          <span class="preview">{typing ? 'typing…' : preview(chat) || 'No messages yet'}</span>
        </span>
        {chat.unread > 0 && <span class="unread">{chat.unread}</span>}
      </button>
    </li>
  );
}
