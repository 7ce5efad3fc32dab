// Older history on scroll: thread summaries page by page, then the threads themselves (protocol-notes §7).
import type { ThreadSummary } from '../protocol/types';
import { applyFetched } from './apply-fetched';
import type { ChatRecord } from './chat-state';
import { selectCurrentChat, selectHasOlder } from './selectors';
import type { StoreContext } from './store-context';

const SUMMARY_PAGE = 25;
// Enough events to fill a screen without asking for a huge response.
const EVENTS_PER_LOAD = 25;
const MAX_THREADS_PER_LOAD = 10;

function notLoaded(chat: ChatRecord): ThreadSummary[] {
  return chat.history.summaries.filter((s) => !chat.threads[s.id]).sort((a, b) => b.order - a.order);
}

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
 * Loads the next older threads of the current chat: fetches `get_chat_threads_summary` pages until
 * one names a thread we do not hold, then `get_chat_threads` for the newest of those (about 25
 * events). Does nothing while a load runs or when nothing older exists.
 *
 * @example
 * if (scrollTop === 0) await loadOlder(ctx);
 */
export async function loadOlder(ctx: StoreContext): Promise<void> {
  const start = selectCurrentChat(ctx.getState());
  if (!start || start.history.loading || !selectHasOlder(ctx.getState())) return;
  const chatId = start.id;
  const chat = () => ctx.getState().chats[chatId]!;
  ctx.dispatch({ type: 'history_loading', chatId, loading: true });
  try {
    let candidates = notLoaded(chat());
    while (candidates.length === 0) {
      const { summaries, totalThreads } = chat().history;
      if (totalThreads !== null && summaries.length >= totalThreads) return;
      const page = await ctx.client.request('get_chat_threads_summary', { chat_id: chatId, offset: summaries.length, limit: SUMMARY_PAGE });
      const list = Array.isArray(page.threads_summary) ? page.threads_summary : [];
      const total = typeof page.total_threads === 'number' ? page.total_threads : summaries.length + list.length;
      // An empty page ends the paging even if the total disagrees.
      ctx.dispatch({ type: 'threads_summary', chatId, summaries: list, total: list.length === 0 ? summaries.length : total });
      candidates = notLoaded(chat());
    }
    const fetched = await ctx.client.request('get_chat_threads', { chat_id: chatId, thread_ids: pick(candidates) });
    if (fetched?.chat) await applyFetched(ctx, fetched.chat);
  } catch (error) {
    ctx.fail('load_older', error);
  } finally {
    ctx.dispatch({ type: 'history_loading', chatId, loading: false });
  }
}
