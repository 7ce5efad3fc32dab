import type { ChatState, OutboxEntry } from './chat-state';
import type { Change } from './change';

type OutboxChange = Extract<Change, { type: 'send_queued' | 'event_confirmed' | 'send_failed' | 'send_retried' | 'file_uploaded' | 'send_removed' }>;

function update(state: ChatState, ids: readonly string[], fn: (s: OutboxEntry) => OutboxEntry): ChatState {
  const wanted = new Set(ids);
  let changed = false;
  const outbox = state.outbox.map((s) => {
    const next = wanted.has(s.customId) ? fn(s) : s;
    if (next !== s) changed = true;
    return next;
  });
  return changed ? { ...state, outbox } : state;
}

/**
 * Whether a retry can mend a failure: not a file over the size limit or empty, nor one whose bytes
 * did not survive a reload (`file_*`, the widget's own errors; the server's have other names). The
 * visitor removes those, and attaches again.
 */
export const canRetry = (error: string | undefined): boolean => !error?.startsWith('file_');

/** Whether the server's copy is in a thread already (by custom_id, or by the id an ack named). */
function delivered(state: ChatState, customId: string, eventId?: string): boolean {
  return Object.values(state.chats).some((chat) =>
    Object.values(chat.threads).some((t) => t.events.some((e) => e.custom_id === customId || (eventId !== undefined && e.id === eventId))),
  );
}

/**
 * The outbox's changes. One entry per custom_id, also when a restored list repeats one (it would be
 * sent twice); an entry the server already has is dropped, and steps for unknown ids change nothing
 * (a late answer for an entry its echo already removed).
 */
export function reduceOutbox(state: ChatState, change: OutboxChange): ChatState {
  switch (change.type) {
    case 'send_queued': {
      const known = new Set(state.outbox.map((s) => s.customId));
      const added = change.entries.filter((s) => {
        if (known.has(s.customId) || delivered(state, s.customId)) return false;
        known.add(s.customId);
        return true;
      });
      return added.length === 0 ? state : { ...state, outbox: [...state.outbox, ...added] };
    }
    case 'event_confirmed': {
      const { customId, chatId, threadId, eventId } = change;
      if (delivered(state, customId, eventId)) {
        const outbox = state.outbox.filter((s) => s.customId !== customId);
        return outbox.length === state.outbox.length ? state : { ...state, outbox };
      }
      return update(state, [customId], (s) => ({ ...s, status: 'sent', chatId, threadId, eventId, error: undefined }));
    }
    case 'send_failed':
      return update(state, change.customIds, (s) => (s.status === 'queued' ? { ...s, status: 'failed', error: change.error } : s));
    case 'file_uploaded':
      return update(state, [change.customId], (s) =>
        s.event.type === 'file' && s.status !== 'sent' ? { ...s, event: { ...s.event, url: change.url } } : s,
      );
    case 'send_removed': {
      // What the server acknowledged is no longer the visitor's to take back.
      const outbox = state.outbox.filter((s) => s.customId !== change.customId || s.status === 'sent');
      return outbox.length === state.outbox.length ? state : { ...state, outbox };
    }
    case 'send_retried': {
      // The failed entries before it go again too, first, so a retry never reorders the conversation.
      const at = state.outbox.findIndex((s) => s.customId === change.customId);
      const ids = state.outbox.slice(0, at + 1).map((s) => s.customId);
      return update(state, ids, (s) => (s.status === 'failed' && canRetry(s.error) ? { ...s, status: 'queued', error: undefined } : s));
    }
  }
}
