// Delivers the outbox in order: start_chat without a chat, activate_chat into a closed one, else send_event.
import type { ChatAction } from './chat-action';
import type { ChatState, LocalSend } from './chat-state';
import { errorInfo, isConnectionError } from './error-info';
import { selectAvailability, selectCurrentChat } from './selectors';
import type { StoreContext } from './store-context';

type Batch =
  | { kind: 'send_event'; chatId: string; sends: [LocalSend]; attach: boolean }
  | { kind: 'start_chat'; sends: LocalSend[] }
  | { kind: 'activate_chat'; chatId: string; sends: LocalSend[] }
  | { kind: 'no_chat'; sends: [LocalSend] };

/** The next request to make: one event, or the leading run of queued events as a new thread's initial events. */
function nextBatch(state: ChatState): Batch | null {
  const queued = state.localSends.filter((s) => s.status === 'queued');
  const first = queued[0];
  if (!first) return null;
  const chat = selectCurrentChat(state);
  if (first.attachToLastThread) {
    return chat ? { kind: 'send_event', chatId: chat.id, sends: [first], attach: true } : { kind: 'no_chat', sends: [first] };
  }
  if (chat?.active) return { kind: 'send_event', chatId: chat.id, sends: [first], attach: false };
  const end = queued.findIndex((s) => s.attachToLastThread);
  const sends = end === -1 ? queued : queued.slice(0, end);
  // v3.1 refuses send_event into an inactive chat: the message opens a new thread instead.
  return chat ? { kind: 'activate_chat', chatId: chat.id, sends } : { kind: 'start_chat', sends };
}

async function deliver(ctx: StoreContext, batch: Batch): Promise<ChatAction[]> {
  const { client } = ctx;
  const events = batch.sends.map((s) => s.event);
  if (batch.kind === 'no_chat') return [{ type: 'sends_failed', customIds: [batch.sends[0].customId], error: 'no_chat' }];
  if (batch.kind === 'send_event') {
    const r = await client.request('send_event', {
      chat_id: batch.chatId,
      event: events[0]!,
      ...(batch.attach ? { attach_to_last_thread: true } : {}),
    });
    const event = 'event' in r ? r.event : undefined;
    if (event && 'thread_id' in r) ctx.applyPush({ type: 'push', name: 'incoming_event', payload: { chat_id: batch.chatId, thread_id: r.thread_id, event } });
    const eventId = 'event_id' in r ? r.event_id : event?.id;
    const threadId = 'thread_id' in r ? r.thread_id : undefined;
    return [{ type: 'send_acked', customId: batch.sends[0].customId, chatId: batch.chatId, threadId, eventId }];
  }
  const thread = { events };
  // With the group offline the visitor leaves a message: a continuous chat needs no online agent.
  const continuous = selectAvailability(ctx.getState()) === 'offline' ? { continuous: true } : {};
  const r =
    batch.kind === 'start_chat'
      ? await client.request('start_chat', { chat: { thread }, ...continuous })
      : await client.request('activate_chat', { chat: { id: batch.chatId, thread }, ...continuous });
  let chatId = batch.kind === 'activate_chat' ? batch.chatId : '';
  let threadId: string | undefined;
  let eventIds: string[] = [];
  const started: ChatAction[] = [];
  if ('chat' in r) {
    // Seed shape: the full chat. The incoming_chat_thread push brings the same; merging twice is harmless.
    chatId = r.chat.id;
    threadId = r.chat.thread?.id ?? r.chat.threads?.at(-1)?.id;
    ctx.applyPush({ type: 'push', name: 'incoming_chat_thread', payload: { chat: r.chat } });
  } else {
    if ('chat_id' in r && typeof r.chat_id === 'string') chatId = r.chat_id;
    threadId = r.thread_id;
    eventIds = r.event_ids ?? [];
    if (chatId && threadId) started.push({ type: 'chat_started', chatId, threadId });
  }
  return [
    ...started,
    ...batch.sends.map((s, i): ChatAction => ({ type: 'send_acked', customId: s.customId, chatId, threadId, eventId: eventIds[i] })),
  ];
}

/**
 * Creates the outbox pump. `pump()` sends queued entries one request at a time, in order, while
 * the store is synced; it returns when the queue is empty or the link dropped (dropped sends go
 * back to the queue and the next login's resync resends them). Server refusals mark sends failed.
 * A request that timed out is no refusal — the server may well have stored it — so its sends go
 * back to the queue too and `unanswered` is called to refetch before anything else goes out.
 *
 * @example
 * const pump = createSendPump(ctx, () => refetchThenPump());
 * ctx.dispatch({ type: 'send_queued', send });
 * void pump.pump();
 */
export function createSendPump(ctx: StoreContext, unanswered: () => void) {
  let running = false;
  return {
    async pump(): Promise<void> {
      if (running) return;
      running = true;
      try {
        for (let batch = nextBatch(ctx.getState()); batch && ctx.isSynced(); batch = nextBatch(ctx.getState())) {
          const ids = batch.sends.map((s) => s.customId);
          ctx.dispatch({ type: 'sends_started', customIds: ids });
          try {
            ctx.dispatch(...(await deliver(ctx, batch)));
          } catch (error) {
            if (isConnectionError(error) || ctx.client.state !== 'online') {
              ctx.dispatch({ type: 'sends_requeued', customIds: ids });
              return;
            }
            if (errorInfo(batch.kind, error).type === 'request_timeout') {
              ctx.dispatch({ type: 'sends_requeued', customIds: ids });
              return unanswered();
            }
            ctx.dispatch({ type: 'sends_failed', customIds: ids, error: errorInfo(batch.kind, error).type });
          }
        }
      } finally {
        running = false;
      }
    },
  };
}
