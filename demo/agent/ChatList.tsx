// The chat lists: the queue, my chats, chats other agents handle, and closed ones.
import { ChatListItem } from './ChatListItem';
import type { ChatLists } from './console-selectors';

const SECTIONS: Array<[keyof ChatLists, string, string]> = [
  ['queue', 'Queue', 'Nobody has picked these up yet'],
  ['mine', 'My chats', 'No chats assigned to you'],
  ['others', 'Other agents', 'Nobody else is chatting'],
  ['closed', 'Closed', 'No closed chats yet'],
];

/**
 * The sidebar with one list per section, each with its count.
 * @example
 * <ChatList lists={chatLists(state)} selected={state.selected} onSelect={store.select} />
 */
export function ChatList({ lists, selected, onSelect }: { lists: ChatLists; selected: string | undefined; onSelect: (id: string) => void }) {
  return (
    <nav class="lists" aria-label="Chats">
      {SECTIONS.map(([key, title, empty]) => (
        <section key={key} class={`list ${key}`}>
          <h2>
            {title} <span class={`count${key === 'queue' && lists.queue.length > 0 ? ' waiting' : ''}`}>{lists[key].length}</span>
          </h2>
          {lists[key].length === 0 ? (
            <p class="none">{empty}</p>
          ) : (
            <ul>
              {lists[key].slice(0, key === 'closed' ? 8 : undefined).map((chat) => (
                <ChatListItem key={chat.id} chat={chat} selected={chat.id === selected} onSelect={onSelect} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </nav>
  );
}
