import { useContext } from 'preact/hooks';
import type { TimelineItem } from '../chat/selectors';
import type { RichMessageButton } from '../protocol/types';
import { Avatar } from './Avatar';
import { MessageList } from './MessageList';
import { OfflineNotice } from './OfflineNotice';
import { Postchat } from './Postchat';
import { useStore } from './store-context';
import { StringsContext } from './strings';
import { TypingIndicator } from './TypingIndicator';
import { tracked } from './tracked';

/**
 * The chat body wired to the store: the message list (opening with a welcome from the agent),
 * the offline notice, the agent's typing indicator and, once the chat ended, the rating and postchat form.
 *
 * @example
 * <Conversation onPress={(item, button) => handleButton(item, button)} />
 */
export const Conversation = tracked(({ onPress }: { onPress: (item: TimelineItem, button: RichMessageButton) => void }) => {
  const t = useContext(StringsContext);
  const store = useStore();
  const { actions } = store;
  const timeline = store.timeline.value;
  const chat = store.currentChat.value;
  const typing = store.typingAgent.value;
  const agent = store.agent.value;
  const s = store.state.value;
  return (
    <MessageList
      items={timeline}
      users={s.users}
      customerId={s.customerId ?? undefined}
      hasOlder={store.hasOlder.value}
      loadingOlder={store.historyLoading.value}
      onLoadOlder={() => actions.loadOlder()}
      onPress={onPress}
      onRetry={(id) => actions.retry(id)}
    >
      {timeline.length === 0 && (
        <div class="grp">
          <Avatar src={agent?.avatar} name={agent?.name || t.agent} />
          <div class="col">
            <span class="who">{String(agent?.name || t.agent)}</span>
            <p class="bub">{t.welcome}</p>
          </div>
        </div>
      )}
      {store.availability.value === 'offline' && <OfflineNotice left={!!chat?.active} />}
      {typing && <TypingIndicator name={typing.name} avatar={typing.avatar} />}
      {chat && !chat.active && timeline.length > 0 && <Postchat />}
    </MessageList>
  );
});
