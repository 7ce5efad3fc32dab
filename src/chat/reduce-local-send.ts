// The life of a locally composed event: queued → pending → sent (until the server's copy arrives) | failed.
import type { ChatAction } from './chat-action';
import type { ChatState, LocalSend } from './chat-state';

type SendAction = Extract<
  ChatAction,
  { type: 'send_queued' | 'sends_restored' | 'sends_started' | 'send_acked' | 'sends_failed' | 'sends_requeued' | 'send_retried' }
>;

function update(state: ChatState, ids: readonly string[], fn: (s: LocalSend) => LocalSend): ChatState {
  const wanted = new Set(ids);
  let changed = false;
  const localSends = state.localSends.map((s) => {
    if (!wanted.has(s.customId)) return s;
    const next = fn(s);
    if (next !== s) changed = true;
    return next;
  });
  return changed ? { ...state, localSends } : state;
}

/** Whether the server's copy is already in the state (by custom_id, or by the id an ack named). */
function delivered(state: ChatState, customId: string, chatId?: string, eventId?: string): boolean {
  const chats = chatId !== undefined ? [state.chats[chatId]] : Object.values(state.chats);
  return chats.some((chat) =>
    Object.values(chat?.threads ?? {}).some((t) => t.events.some((e) => e.custom_id === customId || e.id === eventId)),
  );
}

/**
 * Applies one step of the local send lifecycle. Steps for unknown custom ids are ignored, so a late
 * response for an entry the server's echo already removed changes nothing.
 *
 * @example
 * reduceLocalSend(state, { type: 'sends_failed', customIds: ['c-1'], error: 'request_timeout' });
 */
export function reduceLocalSend(state: ChatState, action: SendAction): ChatState {
  switch (action.type) {
    case 'send_queued':
    case 'sends_restored': {
      const sends = action.type === 'send_queued' ? [action.send] : action.sends;
      const known = new Set(state.localSends.map((s) => s.customId));
      // One entry per custom_id, also when a restored list repeats one: it would be sent twice.
      const added = sends.filter((s) => {
        if (known.has(s.customId) || delivered(state, s.customId)) return false;
        known.add(s.customId);
        return true;
      });
      return added.length === 0 ? state : { ...state, localSends: [...state.localSends, ...added] };
    }
    case 'sends_started':
      return update(state, action.customIds, (s) => (s.status === 'queued' ? { ...s, status: 'pending' } : s));
    case 'send_acked': {
      const { customId, chatId, threadId, eventId } = action;
      if (delivered(state, customId, chatId, eventId)) {
        const localSends = state.localSends.filter((s) => s.customId !== customId);
        return localSends.length === state.localSends.length ? state : { ...state, localSends };
      }
      return update(state, [customId], (s) => ({ ...s, status: 'sent', chatId, threadId, eventId, error: undefined }));
    }
    case 'sends_failed':
      return update(state, action.customIds, (s) =>
        s.status === 'pending' || s.status === 'queued' ? { ...s, status: 'failed', error: action.error } : s,
      );
    case 'sends_requeued':
      return update(state, action.customIds, (s) => (s.status === 'pending' ? { ...s, status: 'queued' } : s));
    case 'send_retried': {
      // Earlier failed sends go again too, first, so a retry never reorders the conversation.
      const at = state.localSends.findIndex((s) => s.customId === action.customId);
      const ids = state.localSends.slice(0, at + 1).map((s) => s.customId);
      return update(state, ids, (s) => (s.status === 'failed' ? { ...s, status: 'queued', error: undefined } : s));
    }
  }
}
