// Agent methods that start, reactivate and close chats (seed 000 "chats"). Closing adds a
// system message and tells both sides with `incoming_event` and `thread_closed`.
import { agentChat, requester } from './agent-access';
import { pushChat } from './agent-push';
import { activatedChat, chatWithThread } from './agent-views';
import { beginAgentThread, readChatInput } from './agent-threads';
import type { HandlerTable, RequestContext } from './core';
import { ApiError, optBool, optObject, reqObject, reqString } from './protocol';
import { activeThread, closeThread, createChat } from './store-chats';
import { updateProperties } from './store-props';
import { ensureCustomer, getCustomer, newEntityId } from './store';
import { hasGroup } from './store-groups';
import { eventView } from './store-views';

function checkGroups(ctx: RequestContext, groupIds: number[] | undefined): void {
  for (const id of groupIds ?? []) if (!hasGroup(ctx.core.store, ctx.licenseId, id)) throw new ApiError('validation', `\`chat.access.group_ids\`: no group ${id}`);
}

/** The agent's chat lifecycle methods. @example dispatch(agentLifecycleHandlers, ctx, 'close_thread', { chat_id }); */
export const agentLifecycleHandlers: HandlerTable = {
  start_chat(ctx, payload) {
    const { store } = ctx.core;
    const input = readChatInput(optObject(payload, 'chat') ?? {});
    const continuous = optBool(payload, 'continuous') ?? false;
    checkGroups(ctx, input.groupIds);
    const [listed] = input.customerIds;
    // Without a customer in `chat.users` the agent starts the chat with a new customer.
    const customer = listed === undefined ? ensureCustomer(store, ctx.licenseId, newEntityId()) : getCustomer(store, ctx.licenseId, listed);
    if (!customer) throw new ApiError('authorization', `customer ${listed ?? ''} is not accessible`);
    const groupId = input.groupIds?.[0] ?? customer.groupId;
    const chat = createChat(store, {
      licenseId: ctx.licenseId,
      customerId: customer.id,
      groupId,
      continuous,
      ...(input.properties && { properties: input.properties }),
    });
    if (input.groupIds) chat.access = { group_ids: input.groupIds };
    const thread = beginAgentThread(ctx, chat, input);
    return { chat: chatWithThread(store, chat, thread) };
  },

  activate_chat(ctx, payload) {
    const chatIn = reqObject(payload, 'chat');
    const chat = agentChat(ctx, reqString(chatIn, 'chat.id'));
    const input = readChatInput(chatIn);
    const continuous = optBool(payload, 'continuous');
    if (input.customerIds.some((id) => !chat.userIds.includes(id))) throw new ApiError('validation', '`chat.users` must name the chat\'s own customer');
    if (activeThread(chat)) throw new ApiError('validation', `chat ${chat.id} is already active`);
    checkGroups(ctx, input.groupIds);
    if (continuous !== undefined) chat.continuous = continuous;
    if (input.groupIds) [chat.groupId, chat.access] = [input.groupIds[0] ?? chat.groupId, { ...chat.access, group_ids: input.groupIds }];
    if (input.properties) updateProperties(chat.properties, input.properties);
    beginAgentThread(ctx, chat, input);
    return { chat: activatedChat(ctx.core.store, chat, requester(ctx).fixture.id) };
  },

  close_thread(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const agent = requester(ctx);
    const closed = closeThread(ctx.core.store, chat, `${agent.fixture.name} closed the chat.`, 'manual_archived_agent');
    if (!closed) throw new ApiError('validation', `chat ${chat.id} has no active thread`);
    const { thread, event } = closed;
    pushChat(ctx, chat, 'incoming_event', () => ({ chat_id: chat.id, thread_id: thread.id, event: eventView(event) }));
    pushChat(ctx, chat, 'thread_closed', () => ({ chat_id: chat.id, thread_id: thread.id, user_id: agent.fixture.id }));
    return {};
  },
};
