// Customer authorization: a customer reaches only chats it is a member of, and threads and
// events inside them. Unknown ids and other customers' ids get the same `authorization` error,
// so a customer cannot even learn whether someone else's chat exists.
import type { RequestContext } from './core';
import { ApiError } from './protocol';
import { findEvent, findThread, getChat } from './store-chats';
import type { ChatRecord, ThreadRecord, WireEvent } from './store';

/**
 * The requester's chat with this id, or an `authorization` error.
 * @example
 * const chat = ownChat(ctx, reqString(payload, 'chat_id'));
 */
export function ownChat(ctx: RequestContext, chatId: string): ChatRecord {
  const chat = getChat(ctx.core.store, ctx.licenseId, chatId);
  if (!chat || !chat.userIds.includes(ctx.userId)) throw new ApiError('authorization', `chat ${chatId} is not accessible`);
  return chat;
}

/**
 * A thread of the requester's chat, or an `authorization` error.
 * @example
 * const { chat, thread } = ownThread(ctx, chatId, threadId);
 */
export function ownThread(ctx: RequestContext, chatId: string, threadId: string): { chat: ChatRecord; thread: ThreadRecord } {
  const chat = ownChat(ctx, chatId);
  const thread = findThread(chat, threadId);
  if (!thread) throw new ApiError('authorization', `thread ${threadId} is not accessible`);
  return { chat, thread };
}

/**
 * An event of the requester's chat that the customer can see, or an `authorization` error.
 * @example
 * const { chat, thread, event } = ownEvent(ctx, chatId, threadId, eventId);
 */
export function ownEvent(
  ctx: RequestContext,
  chatId: string,
  threadId: string,
  eventId: string,
): { chat: ChatRecord; thread: ThreadRecord; event: WireEvent } {
  const { chat, thread } = ownThread(ctx, chatId, threadId);
  const event = findEvent(thread, eventId);
  if (!event || event.recipients === 'agents') throw new ApiError('authorization', `event ${eventId} is not accessible`);
  return { chat, thread, event };
}
