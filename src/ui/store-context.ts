import type { ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ChatState } from '../chat/chat-state';
import type { FilledFormField, FormType } from '../protocol/types';

/** A filled form as the store sends it. */
export interface FilledFormInput {
  type: 'filled_form';
  form_id: string;
  fields: FilledFormField[];
}

/**
 * The slice of the chat store (`createChatStore`) the UI reads and drives. Components derive what
 * they show from `state` with the chat layer's selectors and change things only through `actions`.
 */
export interface UiStore {
  state: ReadonlySignal<ChatState>;
  actions: {
    connect(): unknown;
    startChat(input: { filledForm?: FilledFormInput; text?: string }): unknown;
    sendMessage(text: string): unknown;
    retry(customId: string): unknown;
    sendPostback(input: { eventId: string; threadId: string; postbackId: string; toggled: boolean }): unknown;
    typing(text: string): unknown;
    rate(input: { score: 0 | 1; comment?: string }): unknown;
    loadOlder(): unknown;
    markSeen(): unknown;
    loadForm(type: FormType): unknown;
    submitPostchat(filledForm: FilledFormInput): unknown;
    setPanelVisible(visible: boolean): unknown;
  };
}

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
 * const { state, actions } = useStore();
 */
export function useStore(): UiStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('chatlet: UI rendered without a StoreContext provider');
  return store;
}
