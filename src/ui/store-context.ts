import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ChatStore } from '../chat/create-chat-store';

/** The actions the UI calls. */
type UiActions = Pick<
  ChatStore['actions'],
  | 'connect'
  | 'sendMessage'
  | 'retry'
  | 'sendPostback'
  | 'typing'
  | 'rate'
  | 'loadOlder'
  | 'loadForm'
  | 'startChat'
  | 'submitPostchat'
  | 'setPanelVisible'
  | 'dismissError'
>;

/**
 * The slice of the chat store (`createChatStore`) the UI reads and drives: the computed views, which
 * components only read, and the actions, which are the only way they change anything. Components
 * read the narrowest views that give what they show, never the whole `state`: a component follows
 * every signal it reads, so one reading `state` would re-render (with its subtree) on every push.
 *
 * @example
 * const store: UiStore = createChatStore({ client, licenseId: 12345 });
 */
export type UiStore = Pick<
  ChatStore,
  | 'state'
  | 'timeline'
  | 'agent'
  | 'unreadCount'
  | 'canSend'
  | 'availability'
  | 'typingAgent'
  | 'rating'
  | 'hasOlder'
  | 'historyLoading'
  | 'currentChat'
  | 'isChatActive'
  | 'hasChat'
  | 'lastThreadId'
  | 'customerId'
  | 'users'
  | 'forms'
  | 'greeting'
  | 'connection'
  | 'stopReason'
  | 'lastError'
> & { actions: UiActions };

/**
 * Provides the chat store to the component tree; there is no global store.
 *
 * @example
 * <StoreContext.Provider value={store}><ChatWindow … /></StoreContext.Provider>
 */
export const StoreContext = createContext<UiStore | null>(null);

/**
 * The store from the nearest {@link StoreContext} provider; throws when there is none, which is a
 * wiring mistake rather than a runtime condition.
 *
 * @example
 * const { timeline, actions } = useStore();
 */
export function useStore(): UiStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('chatlet: UI rendered without a StoreContext provider');
  return store;
}
