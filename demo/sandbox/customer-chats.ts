// Customer methods of the seed's "chats" section: summaries, threads, start/activate/close.
import type { HandlerTable, RequestContext } from './core';
import { ownChat } from './customer-access';
import { ApiError, intItems, isObject, optArray, optBool, optInt, optObject, reqObject, reqString, stringItems } from './protocol';
import type { Payload } from './protocol';
import { pushToChat, routeChat } from './routing';
import { activeThread, addEvent, chatsOfUser, closeThread, createChat, findThread, openThread } from './store-chats';
import { wrapProperties } from './store-props';
import { getCustomer } from './store';
import { groupStatus, hasGroup } from './store-groups';
import type { ChatRecord, Properties, ThreadRecord } from './store';
import { chatSummary, chatView, eventView, lastActivity, threadSummary } from './store-views';
import { validateEvents } from './validate-event';

interface ChatInput {
  properties?: Properties;
  groupIds?: number[];
  threadProperties?: Properties;
  events: Payload[];
}

/** Seed 003: `chat.users` lists existing users, "only one user is allowed (type customer)": from a customer, itself. */
function checkUsers(chat: Payload, customerId: string): void {
  const users = optArray(chat, 'chat.users') ?? [];
  if (users.length > 1) throw new ApiError('validation', '`chat.users` may hold only one user: the customer itself');
  for (const u of users) {
    if (!isObject(u) || u.type !== 'customer' || u.id !== customerId) {
      throw new ApiError('validation', '`chat.users[0]` must be the customer itself: {id: <your customer id>, type: "customer"}');
    }
  }
}

/** Reads the optional `chat` object of start_chat / activate_chat. */
function readChatInput(chat: Payload, customerId: string): ChatInput {
  const properties = optObject(chat, 'chat.properties');
  const access = optObject(chat, 'chat.access');
  const groupIds = access && optArray(access, 'chat.access.group_ids');
  checkUsers(chat, customerId);
  const thread = optObject(chat, 'chat.thread') ?? {};
  const threadProperties = optObject(thread, 'chat.thread.properties');
  return {
    ...(properties && { properties: wrapProperties(properties, 'chat.properties') }),
    ...(groupIds && { groupIds: intItems(groupIds, 'chat.access.group_ids') }),
    ...(threadProperties && { threadProperties: wrapProperties(threadProperties, 'chat.thread.properties') }),
    events: validateEvents(optArray(thread, 'chat.thread.events') ?? [], 'chat.thread.events', 'customer'),
  };
}

/**
 * Refuses to open a thread in an unknown group, or in an offline one unless the chat is continuous.
 * @example
 * requireOnline(ctx, chat.groupId, chat.continuous);
 */
export function requireOnline(ctx: RequestContext, groupId: number, continuous: boolean): void {
  if (!hasGroup(ctx.core.store, ctx.licenseId, groupId)) throw new ApiError('group_not_found', `no group ${groupId}`);
  if (!continuous && groupStatus(ctx.core.store, ctx.licenseId, groupId) === 'offline') {
    throw new ApiError('groups_offline', `group ${groupId} has no agent available; start a continuous chat to leave a message`);
  }
}

/**
 * Opens a thread with the customer's initial events, routes it and pushes
 * `incoming_chat_thread` to the chat's users (the requester's copy carries its request_id).
 * Also used by send_event when an event starts a new thread.
 * @example
 * const thread = beginThread(ctx, chat, undefined, []);
 */
export function beginThread(ctx: RequestContext, chat: ChatRecord, properties: Properties | undefined, events: Payload[]): ThreadRecord {
  const { store } = ctx.core;
  const thread = openThread(store, chat, properties);
  for (const e of events) addEvent(store, thread, e.type === 'system_message' ? undefined : ctx.userId, e);
  routeChat(ctx.core, chat, { notify: false });
  pushToChat(ctx.core, chat, 'incoming_chat_thread', (audience) => ({ chat: chatView(store, chat, audience, { thread }) }), {
    ...(ctx.origin && { origin: ctx.origin }),
  });
  return thread;
}

/** The customer's chat methods. @example dispatch(customerChatHandlers, ctx, 'start_chat', {}); */
export const customerChatHandlers: HandlerTable = {
  get_chats_summary(ctx, payload) {
    const offset = optInt(payload, 'offset', 0, 100) ?? 0;
    const limit = optInt(payload, 'limit', 1, 25) ?? 10;
    const chats = chatsOfUser(ctx.core.store, ctx.licenseId, ctx.userId).sort((a, b) => lastActivity(b) - lastActivity(a));
    return {
      chats_summary: chats.slice(offset, offset + limit).map((c) => chatSummary(ctx.core.store, c, 'customer')),
      total_chats: chats.length,
    };
  },

  get_chat_threads_summary(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const offset = optInt(payload, 'offset', 0) ?? 0;
    const limit = optInt(payload, 'limit', 1, 100) ?? 25;
    const threads = [...chat.threads].sort((a, b) => b.order - a.order);
    return { threads_summary: threads.slice(offset, offset + limit).map((t) => threadSummary(t, 'customer')), total_threads: threads.length };
  },

  get_chat_threads(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const ids = optArray(payload, 'thread_ids');
    const threads = ids
      ? stringItems(ids, 'thread_ids').map((id) => {
          const thread = findThread(chat, id);
          if (!thread) throw new ApiError('authorization', `thread ${id} is not accessible`);
          return thread;
        })
      : chat.threads;
    return { chat: chatView(ctx.core.store, chat, 'customer', { threads }) };
  },

  start_chat(ctx, payload) {
    const input = readChatInput(optObject(payload, 'chat') ?? {}, ctx.userId);
    const continuous = optBool(payload, 'continuous') ?? false;
    const customer = getCustomer(ctx.core.store, ctx.licenseId, ctx.userId);
    const groupId = input.groupIds?.[0] ?? customer?.groupId ?? 0;
    requireOnline(ctx, groupId, continuous);
    const chat = createChat(ctx.core.store, {
      licenseId: ctx.licenseId,
      customerId: ctx.userId,
      groupId,
      continuous,
      ...(input.properties && { properties: input.properties }),
    });
    if (input.groupIds) chat.access = { group_ids: input.groupIds };
    const thread = beginThread(ctx, chat, input.threadProperties, input.events);
    return { chat: chatView(ctx.core.store, chat, 'customer', { thread }) };
  },

  activate_chat(ctx, payload) {
    const chatIn = reqObject(payload, 'chat');
    const chat = ownChat(ctx, reqString(chatIn, 'chat.id'));
    const input = readChatInput(chatIn, ctx.userId);
    const continuous = optBool(payload, 'continuous');
    if (activeThread(chat)) throw new ApiError('validation', `chat ${chat.id} is already active`);
    const groupId = input.groupIds?.[0] ?? chat.groupId;
    requireOnline(ctx, groupId, continuous ?? chat.continuous);
    if (continuous !== undefined) chat.continuous = continuous;
    if (input.groupIds) [chat.groupId, chat.access] = [groupId, { group_ids: input.groupIds }];
    if (input.properties) for (const [ns, values] of Object.entries(input.properties)) chat.properties[ns] = { ...chat.properties[ns], ...values };
    const thread = beginThread(ctx, chat, input.threadProperties, input.events);
    return { chat: chatView(ctx.core.store, chat, 'customer', { thread, threads: chat.threads }) };
  },

  close_thread(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const closed = closeThread(ctx.core.store, chat, 'The customer closed the chat.', 'manual_archived_customer');
    if (!closed) throw new ApiError('validation', `chat ${chat.id} has no active thread`);
    const origin = ctx.origin && { origin: ctx.origin };
    const { thread, event } = closed;
    pushToChat(ctx.core, chat, 'incoming_event', () => ({ chat_id: chat.id, thread_id: thread.id, event: eventView(event) }), origin);
    pushToChat(ctx.core, chat, 'thread_closed', () => ({ chat_id: chat.id, thread_id: thread.id, user_id: ctx.userId }), origin);
    return {};
  },
};
