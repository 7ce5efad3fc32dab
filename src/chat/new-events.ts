// `new_event` fires once per event: when a push (or a response) first brings it into the state.
import type { ChatEvent } from '../protocol/types';
import type { PushAction } from './chat-action';
import type { ChatState } from './chat-state';
import type { ChatStoreEvents } from './chat-store-events';
import { isEvent } from './merge-events';

type NewEvent = ChatStoreEvents['new_event'][0];

const TYPES: readonly string[] = ['message', 'rich_message', 'file'];

const has = (state: ChatState, chatId: string, id: string) =>
  Object.values(state.chats[chatId]?.threads ?? {}).some((t) => t.events.some((e) => e.id === id));

function timeOf(e: ChatEvent, fallback: number): number {
  const ms = typeof e.created_at === 'string' ? Date.parse(e.created_at) : NaN;
  if (!Number.isNaN(ms)) return ms;
  return typeof e.timestamp === 'number' ? e.timestamp * 1000 : fallback;
}

/**
 * The `new_event` payloads for the messages, rich messages and files that `action` added (LiveChat's
 * `new_event` covers those three types). Events for agents only and events already known are skipped.
 *
 * @example
 * for (const e of newEvents(before, after, action)) emit('new_event', e);
 */
export function newEvents(before: ChatState, after: ChatState, action: PushAction, now = Date.now()): NewEvent[] {
  let chatId: unknown;
  let candidates: unknown[] = [];
  if (action.name === 'incoming_event') {
    chatId = action.payload?.chat_id;
    candidates = [action.payload?.event];
  } else if (action.name === 'incoming_chat_thread') {
    chatId = action.payload?.chat?.id;
    candidates = action.payload?.chat?.thread?.events ?? [];
  }
  if (typeof chatId !== 'string' || !Array.isArray(candidates)) return [];
  const out: NewEvent[] = [];
  for (const e of candidates) {
    if (!isEvent(e) || !TYPES.includes(e.type) || e.recipients === 'agents') continue;
    if (has(before, chatId, e.id) || !has(after, chatId, e.id)) continue;
    const authorId = e.author_id ?? '';
    out.push({
      timestamp: timeOf(e, now),
      type: e.type as NewEvent['type'],
      author: { id: authorId, type: authorId === after.customerId ? 'customer' : 'agent' },
      chatId,
      event: e,
    });
  }
  return out;
}
