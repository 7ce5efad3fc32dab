import { isObject } from '../protocol/is-object';
import type { Chat, MethodMap } from '../protocol/types';
import { sliceChat } from './state/slice-chat';
import type { StoreInternals } from './store-internals';

/**
 * Events in the first piece of a long fetched chat (later pieces grow, see slice-chat.ts): a
 * screenful and then some. Its task also runs the reducer cold and renders the list.
 */
export const FIRST_PIECE = 200;

type Request = (action: 'get_chat_threads', payload: MethodMap['get_chat_threads']['request']) => Promise<MethodMap['get_chat_threads']['response']>;

/**
 * Fetches threads of a chat with `request` and dispatches them without a long task: up to
 * {@link FIRST_PIECE} events at once, a longer answer cut with `sliceChat` and dispatched newest
 * first, one piece per task (a 0 ms timer), so its parse, each piece and the renders in between stay
 * short. Resolves true once all of it is in, or false as soon as `isCurrent()` turns false (a newer
 * sync took over; what is in stays, merging is by id).
 */
export async function fetchThreads(
  s: StoreInternals,
  request: Request,
  chatId: string,
  threadIds: string[],
  isCurrent: () => boolean = () => true,
): Promise<boolean> {
  const payload = { chat_id: chatId, thread_ids: threadIds };
  const reply = await request('get_chat_threads', payload);
  if (!isCurrent() || !isObject(reply?.chat)) return isCurrent();
  const pieces = sliceChat(reply.chat, FIRST_PIECE);
  if (pieces.length === 1) {
    s.dispatchReply('get_chat_threads', payload, reply);
    return isCurrent();
  }
  for (const piece of pieces) {
    await new Promise<void>((resolve) => s.clock.setTimeout(resolve, 0));
    if (!isCurrent()) return false;
    s.dispatchReply('get_chat_threads', payload, { chat: piece as Chat });
  }
  return isCurrent();
}
