import { isObject } from '../../protocol/is-object';
import type { Change } from './change';
import { fromUsers } from './from-users';
import { isEvent } from './is-event';
import { isId } from './is-id';
import { isUser } from './is-user';
import { unwrapProperties } from './unwrap-properties';

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const id = (v: unknown) => (isId(v) ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

/**
 * The changes a chat as the server describes it brings (a `Chat`, a `ChatSummary`, the chat of a
 * push or a reply): its fields, users, threads and their events; `live` when the events just
 * happened. What is malformed is left out.
 */
export function fromChat(chat: unknown, live: boolean): Change[] {
  const chatId = isObject(chat) ? id(chat.id) : undefined;
  if (!chatId) return [];
  const c = chat as Record<string, unknown>;
  const users = Array.isArray(c.users) ? c.users.filter(isUser) : [];
  const changes: Change[] = [
    {
      type: 'chat_updated',
      chatId,
      order: num(c.order),
      userIds: users.map((u) => u.id),
      properties: unwrapProperties(c.properties),
      lastThreadId: id(c.last_thread_id),
      active: bool(c.active),
    },
    ...fromUsers(users, chatId),
  ];
  for (const t of [...(Array.isArray(c.threads) ? c.threads : []), c.thread]) {
    const threadId = isObject(t) ? id(t.id) : undefined;
    if (!threadId) continue;
    const thread = t as Record<string, unknown>;
    changes.push({
      type: 'thread_updated',
      chatId,
      threadId,
      order: num(thread.order),
      active: bool(thread.active),
      timestamp: num(thread.timestamp),
      createdAt: str(thread.created_at),
      properties: unwrapProperties(thread.properties),
    });
    const events = Array.isArray(thread.events) ? thread.events.filter(isEvent) : [];
    if (events.length > 0) changes.push({ type: 'events_added', chatId, threadId, events, live });
  }
  return changes;
}
