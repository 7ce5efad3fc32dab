import type { ChatEvent } from '../../protocol/types';
import type { ChatRecord, OutboxEntry } from './chat-state';

/**
 * One row of the conversation. Server events are `sent`; outbox entries are `pending` (queued or
 * in flight), `sent` (acknowledged, the server's copy not here yet) or `failed` (retry by `customId`).
 */
export interface TimelineItem {
  /** The event id, or `local:<custom_id>` for an entry the server has not echoed. */
  key: string;
  event: ChatEvent;
  threadId: string | null;
  status: 'pending' | 'sent' | 'failed';
  authorId: string | null;
  isOwn: boolean;
  customId: string | null;
  /** Why an outbox entry failed (`failed`), an error type. */
  error?: string;
}

function localEvent(entry: OutboxEntry, customerId: string | null): ChatEvent {
  const base = {
    id: `local:${entry.customId}`,
    custom_id: entry.customId,
    created_at: new Date(entry.createdAt).toISOString(),
    ...(customerId !== null && { author_id: customerId }),
  };
  const e = entry.event;
  if (e.type === 'file') {
    // The outbox adds (and restores) a file event only with its file.
    const f = entry.file!;
    return { ...base, type: 'file', url: e.url, name: f.name, content_type: f.type, size: f.size };
  }
  return e.type === 'message'
    ? { ...base, type: 'message', text: e.text, ...(e.postback && { postback: e.postback }) }
    : { ...base, type: 'filled_form', form_id: e.form_id, fields: e.fields };
}

const STATUS = { queued: 'pending', sent: 'sent', failed: 'failed' } as const;

/**
 * The conversation as the UI renders it: the chat's events in order (those for agents only hidden),
 * then the outbox entries the server has not echoed.
 */
export function buildTimeline(chat: ChatRecord | null, outbox: OutboxEntry[], customerId: string | null): TimelineItem[] {
  const items: TimelineItem[] = [];
  // An event id is a row's key: a copy a broken server filed under a second thread shows once.
  const listed = new Set<string>();
  for (const threadId of chat?.threadIds ?? []) {
    for (const event of chat!.threads[threadId]?.events ?? []) {
      if (event.recipients === 'agents' || listed.has(event.id)) continue;
      listed.add(event.id);
      const authorId = event.author_id ?? null;
      items.push({ key: event.id, event, threadId, status: 'sent', authorId, isOwn: authorId !== null && authorId === customerId, customId: event.custom_id ?? null });
    }
  }
  for (const entry of outbox) {
    if (entry.chatId !== undefined && entry.chatId !== chat?.id) continue;
    items.push({
      key: `local:${entry.customId}`,
      event: localEvent(entry, customerId),
      threadId: entry.threadId ?? null,
      status: STATUS[entry.status],
      authorId: customerId,
      isOwn: true,
      customId: entry.customId,
      ...(entry.error !== undefined && { error: entry.error }),
    });
  }
  return items;
}
