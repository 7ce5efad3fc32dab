import type { LoginResponse } from '../protocol/types';
import { fromLogin } from './state/from-login';
import { selectCurrentChat } from './state/selectors';
import type { StoreInternals } from './store-internals';

/**
 * After every (re)login: takes in the login, then `get_chats_summary` and the current chat's last
 * thread (protocol-notes §7). Merging by event id and custom_id drops the outbox entries the server
 * already has, so what the sender resends next is only what it lacks. With `login` null it refetches
 * on the same login (a send went unanswered: the server may have started a chat the login did not
 * list). Resolves false when a newer sync took over; rejects when a request fails.
 */
export async function resync(s: StoreInternals, login: LoginResponse | null, isCurrent: () => boolean): Promise<boolean> {
  if (login) {
    s.dispatch(...fromLogin(login));
    // A visitor without chats at login has nothing to refetch.
    if (!Array.isArray(login.chats) || login.chats.length === 0) return isCurrent();
  }
  // A first visit never needs it: its code comes while the summary is asked for.
  const fetching = import('./fetch-threads');
  const summary = await s.client.request('get_chats_summary', {});
  if (!isCurrent()) return false;
  s.dispatchReply('get_chats_summary', {}, summary);
  const chat = selectCurrentChat(s.getState());
  if (!chat?.lastThreadId) return isCurrent();
  // All of it before the channel opens: the sender must see every event the server has.
  const { fetchThreads } = await fetching;
  return fetchThreads(s, (action, payload) => s.client.request(action, payload), chat.id, [chat.lastThreadId], isCurrent);
}
