import type { Action, MethodMap } from '../protocol/types';
import { errorInfo, isConnectionError } from './error-info';
import type { ChatState, OutboxEntry } from './state/chat-state';
import { selectAvailability, selectCurrentChat } from './state/selectors';
import type { StoreInternals } from './store-internals';

type Send = {
  [A in Action]: { action: A; payload: MethodMap[A]['request']; entries: OutboxEntry[] };
}['send_event' | 'start_chat' | 'activate_chat'];

// A file goes in two steps: its upload, then its event with the URL the upload answered.
const unsent = (s: OutboxEntry) => s.event.type === 'file' && !s.event.url;

/**
 * What delivers the next queued entries: a file's upload first; else the request, `send_event` into
 * an active chat (or, for a postchat form, into the last thread even when closed); otherwise the
 * leading run of queued entries as the initial events of a new thread, `start_chat` without a chat
 * and `activate_chat` into a closed one (v3.1 refuses `send_event` there). `null` when nothing
 * waits, or a postchat form waits for a chat that does not exist.
 */
function nextSend(state: ChatState): Send | { failed: OutboxEntry } | { upload: OutboxEntry } | null {
  const queued = state.outbox.filter((s) => s.status === 'queued');
  const first = queued[0];
  if (!first) return null;
  if (unsent(first)) return { upload: first };
  const chat = selectCurrentChat(state);
  if (first.attachToLastThread || chat?.active) {
    if (!chat) return { failed: first };
    const payload = { chat_id: chat.id, event: first.event, ...(first.attachToLastThread && { attach_to_last_thread: true }) };
    return { action: 'send_event', payload, entries: [first] };
  }
  const end = queued.findIndex((s) => s.attachToLastThread || unsent(s));
  const entries = end === -1 ? queued : queued.slice(0, end);
  const thread = { events: entries.map((s) => s.event) };
  // With the group offline the visitor leaves a message: a continuous chat needs no agent online.
  const continuous = selectAvailability(state) === 'offline' && { continuous: true };
  return chat
    ? { action: 'activate_chat', payload: { chat: { id: chat.id, thread }, ...continuous }, entries }
    : { action: 'start_chat', payload: { chat: { thread }, ...continuous }, entries };
}

/**
 * Delivers the outbox in order, one request at a time, while the channel is open; it runs again
 * each time the channel opens. The reply goes through `dispatchReply`, which confirms the entries.
 * A lost connection leaves them queued for the next open (its sync drops what the server has); a
 * request that timed out is no refusal either (the server may have stored it), so the channel
 * refetches before anything else goes out. A refusal marks the entries failed. A file is uploaded
 * (chat/attachments.ts) before its event goes; an upload that could not reach the server stops the
 * run, which its retry starts again.
 */
export function createSender(s: StoreInternals) {
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (let next = nextSend(s.getState()); next && s.channel.isOpen(); next = nextSend(s.getState())) {
        if ('failed' in next) {
          s.dispatch({ type: 'send_failed', customIds: [next.failed.customId], error: 'no_chat' });
          continue;
        }
        // What is sent after a file waits for it: until it is uploaded, or fails, or the visitor removes it.
        if ('upload' in next) {
          const entry = next.upload;
          if (!(await s.attachments().then((a) => a.upload(entry), () => false))) return;
          continue;
        }
        const { action, payload, entries } = next;
        try {
          s.dispatchReply(action, payload as never, await s.client.request(action, payload as never));
        } catch (error) {
          if (isConnectionError(error) || s.client.state !== 'online') return;
          const { type } = errorInfo(action, error);
          if (type === 'request_timeout') return s.channel.refetch();
          s.dispatch({ type: 'send_failed', customIds: entries.map((e) => e.customId), error: type });
        }
      }
    } finally {
      running = false;
    }
  };
  s.channel.onOpen(() => void run());
  return { run };
}
