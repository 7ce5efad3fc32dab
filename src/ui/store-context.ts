// Its Preact integration: a component re-renders when a signal it read while rendering changes.
import '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ChatStore } from '../chat/create-chat-store';

/**
 * The slice of the chat store the UI reads and drives: signals, which components only read (never
 * assign), and the actions, the only way they change anything. Components read the narrowest views
 * that give what they show, never the whole state: a component follows every signal it reads.
 */
export type UiStore = Pick<
  ChatStore,
  | 'timeline'
  | 'agent'
  | 'unreadCount'
  | 'canSend'
  | 'availability'
  | 'typingAgent'
  | 'rating'
  | 'hasOlder'
  | 'historyLoading'
  | 'isChatActive'
  | 'hasChat'
  | 'lastThreadId'
  | 'customerId'
  | 'users'
  | 'forms'
  | 'shownGreeting'
  | 'connectionState'
  | 'stopReason'
  | 'lastError'
  | 'visibility'
  | 'draft'
  | 'muted'
  | 'uploadProgress'
  | 'previews'
  | 'maxFileSize'
> & {
  actions: Pick<
    ChatStore['actions'],
    'connect' | 'startChat' | 'send' | 'attach' | 'remove' | 'retry' | 'type' | 'pressButton' | 'rate' | 'submitPostchat' | 'loadOlder' | 'loadForm' | 'setVisibility' | 'dismissGreeting' | 'dismissError' | 'setMuted'
  >;
};

/** Provides the chat store to the component tree; there is no global store. */
export const StoreContext = createContext<UiStore | null>(null);

/** The store of the nearest {@link StoreContext}; without one it throws, a wiring mistake. */
export function useStore(): UiStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('chatlet: UI rendered without a StoreContext provider');
  return store;
}
