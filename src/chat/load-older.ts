import type { ThreadSummary } from '../protocol/types';
import { fetchThreads } from './fetch-threads';
import type { ChatRecord } from './state/chat-state';
import { selectCurrentChat, selectHasOlder } from './state/selectors';
import type { StoreInternals } from './store-internals';

const SUMMARY_PAGE = 25;
// Enough events to fill a screen without asking for a huge answer.
const EVENTS_PER_LOAD = 25;
const MAX_THREADS_PER_LOAD = 10;

const notLoaded = (chat: ChatRecord): ThreadSummary[] =>
  chat.history.summaries.filter((s) => !chat.threads[s.id]).sort((a, b) => b.order - a.order);

function pick(candidates: ThreadSummary[]): string[] {
  const ids: string[] = [];
  let events = 0;
  for (const s of candidates) {
    if (ids.length > 0 && (events >= EVENTS_PER_LOAD || ids.length >= MAX_THREADS_PER_LOAD)) break;
    ids.push(s.id);
    events += typeof s.total_events === 'number' ? s.total_events : 0;
  }
  return ids;
}

/**
 * Loads the next older threads of the current chat (protocol-notes §7): `get_chat_threads_summary`
 * pages until one names a thread not held, then those threads, about 25 events' worth. Does nothing
 * while a load runs or when nothing older exists.
 */
export async function loadOlder(s: StoreInternals): Promise<void> {
  const start = selectCurrentChat(s.getState());
  if (!start || start.history.loading || !selectHasOlder(s.getState())) return;
  const chatId = start.id;
  const chat = () => s.getState().chats[chatId]!;
  s.dispatch({ type: 'history_loading', chatId, loading: true });
  try {
    let candidates = notLoaded(chat());
    while (candidates.length === 0) {
      const { summaries, totalThreads } = chat().history;
      if (totalThreads !== null && summaries.length >= totalThreads) return;
      const request = { chat_id: chatId, offset: summaries.length, limit: SUMMARY_PAGE };
      s.dispatchReply('get_chat_threads_summary', request, await s.channel.request('get_chat_threads_summary', request));
      candidates = notLoaded(chat());
    }
    await fetchThreads(s, s.channel.request, chatId, pick(candidates));
  } catch (error) {
    s.fail('load_older', error);
  } finally {
    s.dispatch({ type: 'history_loading', chatId, loading: false });
  }
}
