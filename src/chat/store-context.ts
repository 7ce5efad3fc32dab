// What the store's action modules share; built once by create-chat-store.ts.
import type { Clock } from '../protocol/clock';
import type { emitter } from '../protocol/emitter';
import type { ChatAction, PushAction } from './chat-action';
import type { ChatClient } from './chat-client';
import type { ChatState } from './chat-state';
import type { ChatStoreEvents } from './chat-store-events';

/**
 * The store's internals as its action modules see them.
 *
 * @example
 * async function closeChat(ctx: StoreContext) {
 *   const chatId = ctx.getState().currentChatId;
 *   if (chatId) await ctx.client.request('close_thread', { chat_id: chatId });
 * }
 */
export interface StoreContext {
  client: ChatClient;
  clock: Clock;
  groupId: number;
  getState(): ChatState;
  /** Reduces every action, then publishes the result once. */
  dispatch(...actions: ChatAction[]): void;
  /** Reduces a push (or a response shaped like one) and emits `new_event` for events seen the first time. */
  applyPush(action: PushAction): void;
  emit: ReturnType<typeof emitter<ChatStoreEvents>>['emit'];
  /** Logged in and resynced since the last (re)connect: safe to send. */
  isSynced(): boolean;
  /** Records a failed action in `state.lastError`. */
  fail(action: string, error: unknown): void;
}
