// Chats, threads and events in the store: creation, lookups and mutations shared by the
// customer and agent handlers. Inputs are already validated (validate-event.ts, protocol.ts).
import type { Payload } from './protocol';
import { nextOrder, randomId, stamp } from './store';
import { referenceFile } from './store-files';
import type { ChatRecord, Properties, Store, ThreadRecord, WireEvent } from './store';

/**
 * Creates a chat (no thread yet) for a customer in a group.
 * @example
 * const chat = createChat(store, { licenseId: 12345, customerId, groupId: 0 });
 */
export function createChat(
  store: Store,
  init: { licenseId: number; customerId: string; groupId: number; properties?: Properties; continuous?: boolean },
): ChatRecord {
  let id = randomId();
  while (store.chats.has(id)) id = randomId();
  const chat: ChatRecord = {
    id,
    licenseId: init.licenseId,
    order: nextOrder(store),
    groupId: init.groupId,
    userIds: [init.customerId],
    properties: init.properties ?? {},
    access: { group_ids: [init.groupId] },
    threads: [],
    continuous: init.continuous ?? false,
    seen: new Map(),
  };
  store.chats.set(id, chat);
  indexMember(store, chat, init.customerId);
  return chat;
}

function indexMember(store: Store, chat: ChatRecord, userId: string): void {
  const chats = store.chatsByUser.get(userId);
  if (chats) chats.add(chat);
  else store.chatsByUser.set(userId, new Set([chat]));
}

/**
 * Opens a new active thread in a chat (the caller checks no thread is active). It starts with
 * the chat's customers only: agents join it when routing assigns one (routing.ts), so an
 * archived chat that is reactivated is routed anew.
 * @example
 * const thread = openThread(store, chat, {});
 */
export function openThread(store: Store, chat: ChatRecord, properties: Properties = {}): ThreadRecord {
  const { timestamp } = stamp(store);
  const thread: ThreadRecord = {
    id: randomId(),
    order: nextOrder(store),
    timestamp,
    active: true,
    userIds: chat.userIds.filter((id) => store.customers.has(id)),
    events: [],
    properties,
  };
  chat.threads.push(thread);
  return thread;
}

/** A chat of a license by id. @example getChat(store, 12345, 'PJ0MRSHTDG'); */
export function getChat(store: Store, licenseId: number, chatId: string): ChatRecord | undefined {
  const chat = store.chats.get(chatId);
  return chat && chat.licenseId === licenseId ? chat : undefined;
}

/** The chat's active thread, if any. @example activeThread(chat)?.id; */
export function activeThread(chat: ChatRecord): ThreadRecord | undefined {
  const last = chat.threads.at(-1);
  return last?.active ? last : undefined;
}

/** The chat's newest thread, active or not. @example lastThread(chat); */
export function lastThread(chat: ChatRecord): ThreadRecord | undefined {
  return chat.threads.at(-1);
}

/** A thread of the chat by id. @example findThread(chat, threadId); */
export function findThread(chat: ChatRecord, threadId: string): ThreadRecord | undefined {
  return chat.threads.find((t) => t.id === threadId);
}

/** An event of a thread by id. @example findEvent(thread, eventId); */
export function findEvent(thread: ThreadRecord, eventId: string): WireEvent | undefined {
  return thread.events.find((e) => e.id === eventId);
}

/** Chats a user (customer or agent) is a member of, oldest first. @example chatsOfUser(store, 12345, customerId); */
export function chatsOfUser(store: Store, licenseId: number, userId: string): ChatRecord[] {
  const chats = [...(store.chatsByUser.get(userId) ?? [])].filter((c) => c.licenseId === licenseId);
  return chats.sort((a, b) => a.order - b.order);
}

/**
 * Appends an event to a thread, adding the server fields (`id`, `order`, `timestamp`,
 * `created_at`, `author_id`). `input` is a validated event without server fields; an author
 * that is not yet a chat member joins the thread's `user_ids`; a `file` event marks its upload as
 * used (store-files.ts).
 * @example
 * const event = addEvent(store, thread, customerId, { type: 'message', text: 'hi', recipients: 'all' });
 */
export function addEvent(store: Store, thread: ThreadRecord, authorId: string | undefined, input: Payload): WireEvent {
  const n = thread.events.length + 1;
  const event = {
    ...input,
    id: `${thread.id}_${n}`,
    order: nextOrder(store),
    ...stamp(store),
    recipients: input.recipients === 'agents' ? 'agents' : 'all',
    ...(authorId !== undefined && { author_id: authorId }),
  } as WireEvent;
  thread.events.push(event);
  if (event.type === 'file') referenceFile(store, event.url);
  if (authorId !== undefined && !thread.userIds.includes(authorId)) thread.userIds.push(authorId);
  return event;
}

/**
 * Adds a user to the chat and its active thread; false if it was already in both.
 * @example
 * if (addUserToChat(store, chat, 'agent@chatlet.test')) pushChatUserAdded(...);
 */
export function addUserToChat(store: Store, chat: ChatRecord, userId: string): boolean {
  let added = false;
  if (!chat.userIds.includes(userId)) {
    chat.userIds.push(userId);
    indexMember(store, chat, userId);
    added = true;
  }
  const thread = activeThread(chat);
  if (thread && !thread.userIds.includes(userId)) {
    thread.userIds.push(userId);
    added = true;
  }
  return added;
}

/**
 * Removes a user from the chat (and its active thread's `user_ids`); false if not a member.
 * @example
 * removeUserFromChat(store, chat, 'agent@chatlet.test');
 */
export function removeUserFromChat(store: Store, chat: ChatRecord, userId: string): boolean {
  if (!chat.userIds.includes(userId)) return false;
  chat.userIds = chat.userIds.filter((id) => id !== userId);
  store.chatsByUser.get(userId)?.delete(chat);
  const thread = activeThread(chat);
  if (thread) thread.userIds = thread.userIds.filter((id) => id !== userId);
  return true;
}

/**
 * Closes the active thread with a system message; returns both (undefined if none is active).
 * @example
 * const closed = closeThread(store, chat, 'Chat closed by the customer', 'manual_archived_customer');
 */
export function closeThread(
  store: Store,
  chat: ChatRecord,
  text: string,
  systemMessageType: string,
): { thread: ThreadRecord; event: WireEvent } | undefined {
  const thread = activeThread(chat);
  if (!thread) return undefined;
  const event = addEvent(store, thread, undefined, { type: 'system_message', text, system_message_type: systemMessageType });
  thread.active = false;
  return { thread, event };
}

/**
 * Chats of a license that wait for an agent: an active thread without an agent among its users.
 * @example
 * queuedChats(store, 12345).map((c) => c.id);
 */
export function queuedChats(store: Store, licenseId: number): ChatRecord[] {
  const lic = store.licenses.get(licenseId);
  if (!lic) return [];
  return [...store.chats.values()]
    .filter((c) => {
      const thread = c.licenseId === licenseId ? activeThread(c) : undefined;
      return thread !== undefined && !thread.userIds.some((id) => lic.agents.has(id));
    })
    .sort((a, b) => a.order - b.order);
}

/**
 * Applies a rich-message postback: toggles `userId` in `user_ids` of every button of the event
 * whose `postback_id` matches (buttons sharing an id toggle together, seed 002).
 * @example
 * togglePostback(event, 'action_yes', customerId, true);
 */
export function togglePostback(event: WireEvent, postbackId: string, userId: string, toggled: boolean): void {
  const elements = Array.isArray(event.elements) ? (event.elements as Payload[]) : [];
  for (const element of elements) {
    const buttons = Array.isArray(element.buttons) ? (element.buttons as Payload[]) : [];
    for (const button of buttons) {
      if (button.postback_id !== postbackId) continue;
      const ids = Array.isArray(button.user_ids) ? (button.user_ids as string[]).filter((id) => id !== userId) : [];
      button.user_ids = toggled ? [...ids, userId] : ids;
    }
  }
}
