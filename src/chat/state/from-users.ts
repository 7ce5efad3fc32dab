import type { User } from '../../protocol/types';
import type { Change } from './change';
import { seenTime } from './seen-time';

/** The changes users as the server describes them bring: the users, and in `chatId` their read receipts. */
export function fromUsers(users: User[], chatId?: string): Change[] {
  const changes: Change[] = users.length > 0 ? [{ type: 'users_changed', users }] : [];
  for (const u of chatId === undefined ? [] : users) {
    const seenUpTo = seenTime(u.events_seen_up_to, u.last_seen_timestamp);
    if (seenUpTo > 0) changes.push({ type: 'seen_updated', chatId: chatId!, userId: u.id, seenUpTo });
  }
  return changes;
}
