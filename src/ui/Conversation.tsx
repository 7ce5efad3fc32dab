import { useComputed } from '@preact/signals';
import { useContext, useEffect } from 'preact/hooks';
import {
  selectAvailability,
  selectCurrentChat,
  selectHasOlder,
  selectTimeline,
  selectTypingAgent,
  selectUnreadCount,
  type TimelineItem,
} from '../chat/selectors';
import type { RichMessageButton } from '../protocol/types';
import { MessageList } from './MessageList';
import { OfflineNotice } from './OfflineNotice';
import { Postchat } from './Postchat';
import { useStore } from './store-context';
import { StringsContext } from './strings';
import { TypingIndicator } from './TypingIndicator';

/**
 * The chat body wired to the store: the message list, the offline notice, the agent's typing
 * indicator and, once the chat ended, the rating and postchat form. Marks messages seen only while
 * the panel is open.
 *
 * @example
 * <Conversation open={isOpen} onPress={(item, button) => handleButton(item, button)} />
 */
export function Conversation({ open, onPress }: { open: boolean; onPress: (item: TimelineItem, button: RichMessageButton) => void }) {
  const t = useContext(StringsContext);
  const { state, actions } = useStore();
  const timeline = useComputed(() => selectTimeline(state.value)).value;
  const s = state.value;
  const chat = selectCurrentChat(s);
  const typing = selectTypingAgent(s);
  const seen = () => {
    if (open && selectUnreadCount(state.peek()) > 0) actions.markSeen();
  };
  useEffect(seen, [open]);
  return (
    <MessageList
      items={timeline}
      users={s.users}
      customerId={s.customerId ?? undefined}
      hasOlder={selectHasOlder(s)}
      loadingOlder={!!chat?.history.loading}
      onLoadOlder={() => actions.loadOlder()}
      onPress={onPress}
      onRetry={(id) => actions.retry(id)}
      onSeen={seen}
    >
      {timeline.length === 0 && <p class="sys">{t.welcome}</p>}
      {selectAvailability(s) === 'offline' && !chat?.active && <OfflineNotice />}
      {typing && <TypingIndicator name={typing.name} avatar={typing.avatar} />}
      {chat && !chat.active && timeline.length > 0 && <Postchat />}
    </MessageList>
  );
}
