// After every (re)login: learn which chat is current and refetch its last thread (protocol-notes §7 [REC]).
import type { LoginResponse } from '../protocol/types';
import { applyFetched } from './apply-fetched';
import { selectCurrentChat } from './selectors';
import type { StoreContext } from './store-context';

/**
 * Applies the login payload, then `get_chats_summary` and `get_chat_threads {chat_id, thread_ids:
 * [last]}` for the current chat (a long thread piece by piece, see apply-fetched.ts). Merging by
 * event id and `custom_id` drops outbox entries the server already has; the caller then resends the
 * rest. With `login` null it refetches on the same login (a send went unanswered, so the server may
 * have started a chat the login did not list). Resolves `false` when a newer resync superseded this
 * one (`isCurrent`), and rejects when a request fails.
 *
 * @example
 * client.on('login', (login) => resync(ctx, login, () => true).then((ok) => ok && pump.pump()));
 */
export async function resync(ctx: StoreContext, login: LoginResponse | null, isCurrent: () => boolean): Promise<boolean> {
  if (login) {
    ctx.dispatch({ type: 'logged_in', response: login });
    // A visitor without chats at login has nothing to refetch.
    if (!Array.isArray(login.chats) || login.chats.length === 0) return isCurrent();
  }
  const summary = await ctx.client.request('get_chats_summary', {});
  if (!isCurrent()) return false;
  ctx.dispatch({ type: 'chats_summary', chats: Array.isArray(summary.chats_summary) ? summary.chats_summary : [] });
  const chat = selectCurrentChat(ctx.getState());
  if (chat?.lastThreadId) {
    const fetched = await ctx.client.request('get_chat_threads', { chat_id: chat.id, thread_ids: [chat.lastThreadId] });
    if (!isCurrent()) return false;
    // All of it before resolving: the caller resends the outbox, which must see every event.
    if (fetched?.chat) return applyFetched(ctx, fetched.chat, isCurrent);
  }
  return isCurrent();
}
