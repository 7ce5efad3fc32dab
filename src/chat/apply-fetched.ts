// Applying a fetched chat without a long task: a big one goes in piece by piece, one piece per task.
import type { Chat } from '../protocol/types';
import { sliceChat } from './slice-chat';
import type { StoreContext } from './store-context';

/**
 * Events in the first piece (later ones grow, see slice-chat.ts), and the most applied at once: a
 * screenful and then some. The first piece's task also runs the reducer cold and renders the list.
 */
export const FIRST_PIECE = 200;

/**
 * Dispatches `chat_fetched` for a chat a request returned. Up to {@link FIRST_PIECE} events go in
 * at once; a bigger chat is cut with {@link sliceChat} and each piece, newest first, is applied in
 * a task of its own (after a 0 ms timer of `ctx.clock`), so the answer's parse, each piece and the
 * renders in between stay short. Resolves `true` once everything is applied, or `false` as soon as
 * `isCurrent()` turns false (a newer resync took over; what is applied stays, merging is by id).
 *
 * @example
 * const fetched = await ctx.client.request('get_chat_threads', { chat_id, thread_ids });
 * if (fetched?.chat && !(await applyFetched(ctx, fetched.chat, isCurrent))) return false;
 */
export async function applyFetched(ctx: StoreContext, chat: Chat, isCurrent: () => boolean = () => true): Promise<boolean> {
  const pieces = sliceChat(chat, FIRST_PIECE);
  if (pieces.length === 1) {
    ctx.dispatch({ type: 'chat_fetched', chat });
    return isCurrent();
  }
  for (const piece of pieces) {
    await new Promise<void>((resolve) => ctx.clock.setTimeout(resolve, 0));
    if (!isCurrent()) return false;
    ctx.dispatch({ type: 'chat_fetched', chat: piece });
  }
  return isCurrent();
}
