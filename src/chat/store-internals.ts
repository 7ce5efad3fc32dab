import type { Attachments } from './attachments';
import type { Clock } from '../protocol/clock';
import type { Action, MethodMap } from '../protocol/types';
import type { Channel } from './channel';
import type { ChatClient } from './chat-client';
import type { Change } from './state/change';
import type { ChatState } from './state/chat-state';
import type { StoreEvents } from './store-events';

/** The store's internals as its parts (actions, sender, resync, history, receipts) see them. */
export interface StoreInternals {
  client: ChatClient;
  channel: Channel;
  clock: Clock;
  groupId: number;
  getState(): ChatState;
  /** Reduces the changes in order, then publishes the state once. */
  dispatch(...changes: Change[]): void;
  /** Translates a reply (state/from-reply.ts) and dispatches what it brings. */
  dispatchReply<A extends Action>(action: A, request: MethodMap[A]['request'], response: MethodMap[A]['response']): void;
  emit<K extends keyof StoreEvents>(name: K, ...args: StoreEvents[K]): void;
  /** Records a failed visitor action for the error notice. */
  fail(action: string, error: unknown): void;
  /** The files the visitor attached and their uploads; the code loads on the first call. */
  attachments(): Promise<Attachments>;
}
