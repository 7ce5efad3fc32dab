// The current chat as the UI renders it: server events in order, then our unconfirmed sends.
import type { ChatEvent } from '../protocol/types';
import type { ChatRecord, ChatState, LocalSend } from './chat-state';

/**
 * One renderable entry. `status` is `sent` for every server event; local sends are `pending`
 * (queued or in flight), `sent` (acknowledged, the server's copy not here yet) or `failed` (retry
 * with `actions.retry(customId)`).
 *
 * @example
 * const canRetry = (item: TimelineItem) => item.status === 'failed' && item.customId !== null;
 */
export interface TimelineItem {
  /** Stable key: the event id, or `local:<custom_id>` for a send the server has not echoed. */
  key: string;
  event: ChatEvent;
  threadId: string | null;
  status: 'pending' | 'sent' | 'failed';
  authorId: string | null;
  isOwn: boolean;
  customId: string | null;
}

function localEvent(send: LocalSend, customerId: string | null): ChatEvent {
  const base = {
    id: `local:${send.customId}`,
    custom_id: send.customId,
    created_at: new Date(send.createdAt).toISOString(),
    ...(customerId !== null ? { author_id: customerId } : {}),
  };
  const e = send.event;
  return e.type === 'message'
    ? { ...base, type: 'message', text: e.text, ...(e.postback ? { postback: e.postback } : {}) }
    : { ...base, type: 'filled_form', form_id: e.form_id, fields: e.fields };
}

const STATUS = { queued: 'pending', pending: 'pending', sent: 'sent', failed: 'failed' } as const;

/**
 * Builds the timeline from a chat, the local sends and the customer id (the store calls this with
 * narrow signals so it only reruns when one of them changes). Events for `agents` only are hidden.
 *
 * @example
 * buildTimeline(state.chats['PJ0MRSHTDG'] ?? null, state.localSends, state.customerId);
 */
export function buildTimeline(chat: ChatRecord | null, localSends: LocalSend[], customerId: string | null): TimelineItem[] {
  const items: TimelineItem[] = [];
  // An event id is a row's key: a copy a broken server filed under a second thread shows once.
  const listed = new Set<string>();
  for (const threadId of chat?.threadIds ?? []) {
    for (const event of chat!.threads[threadId]?.events ?? []) {
      if (event.recipients === 'agents' || listed.has(event.id)) continue;
      listed.add(event.id);
      const authorId = event.author_id ?? null;
      items.push({
        key: event.id,
        event,
        threadId,
        status: 'sent',
        authorId,
        isOwn: authorId !== null && authorId === customerId,
        customId: event.custom_id ?? null,
      });
    }
  }
  for (const send of localSends) {
    if (send.chatId !== undefined && send.chatId !== chat?.id) continue;
    items.push({
      key: `local:${send.customId}`,
      event: localEvent(send, customerId),
      threadId: send.threadId ?? null,
      status: STATUS[send.status],
      authorId: customerId,
      isOwn: true,
      customId: send.customId,
    });
  }
  return items;
}

/**
 * The current chat's timeline.
 *
 * @example
 * for (const item of selectTimeline(state)) console.log(item.key, item.status);
 */
export function selectTimeline(state: ChatState): TimelineItem[] {
  const chat = state.currentChatId !== null ? (state.chats[state.currentChatId] ?? null) : null;
  return buildTimeline(chat, state.localSends, state.customerId);
}
