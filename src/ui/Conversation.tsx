import { useContext } from 'preact/hooks';
import type { TimelineItem } from '../chat/state/timeline';
import type { RichMessageButton } from '../protocol/types';
import { Avatar } from './Avatar';
import { EmptyLog } from './EmptyLog';
import { MessageList, OfflineNotice, Postchat, TypingIndicator } from './parts';
import { useStore } from './store-context';
import { StringsContext } from './strings';

// Follows only who is typing: a typing push re-renders this and not the list around it.
function StoreTyping() {
  const typing = useStore().typingAgent.value;
  return typing && <TypingIndicator name={typing.name} avatar={typing.avatar} />;
}

/**
 * The chat body: the agent's welcome before anything was said, then the message list (loaded when
 * the chat first has events); the offline notice, the agent's typing indicator and, once the chat
 * ended, the rating and postchat form.
 */
export function Conversation({ onPress }: { onPress: (item: TimelineItem, button: RichMessageButton) => void }) {
  const t = useContext(StringsContext);
  const store = useStore();
  const { actions } = store;
  const timeline = store.timeline.value;
  const active = store.isChatActive.value;
  const after = (
    <>
      {store.availability.value === 'offline' && <OfflineNotice left={active} />}
      <StoreTyping />
    </>
  );
  if (timeline.length === 0) {
    // Followed only while the welcome shows the agent.
    const agent = store.agent.value;
    return (
      <EmptyLog>
        <div class="grp">
          <Avatar src={agent?.avatar} name={agent?.name || t.agent} />
          <div class="col">
            <span class="who">{String(agent?.name || t.agent)}</span>
            <p class="bub">{t.welcome}</p>
          </div>
        </div>
        {after}
      </EmptyLog>
    );
  }
  return (
    <MessageList
      items={timeline}
      users={store.users.value}
      customerId={store.customerId.value ?? undefined}
      hasOlder={store.hasOlder.value}
      loadingOlder={store.historyLoading.value}
      onLoadOlder={() => actions.loadOlder()}
      onPress={onPress}
      onRetry={(id) => actions.retry(id)}
    >
      {after}
      {!active && store.hasChat.value && <Postchat />}
    </MessageList>
  );
}
