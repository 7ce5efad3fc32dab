// Agent methods on chat access and chat users (seed 000 "chat access" and "chat users"):
// access grants per group or agent, transfers, and adding or removing chat members.
import { agentChat, requester } from './agent-access';
import { pushAccessChange, readAccessChange, resolveResource } from './agent-resources';
import { pushChat } from './agent-push';
import { chatWithThread } from './agent-views';
import type { HandlerTable, RequestContext } from './core';
import { ApiError, intItems, optBool, optObject, reqArray, reqString, stringItems } from './protocol';
import { activeThread, addUserToChat, removeUserFromChat } from './store-chats';
import { getAgent, getCustomer } from './store';
import { availableAgents, hasGroup, isAvailable } from './store-groups';
import type { AgentRecord, ChatRecord } from './store';
import { userView } from './store-views';

function announceAdded(ctx: RequestContext, chat: ChatRecord, userId: string, userType: 'agent' | 'customer'): void {
  const thread = activeThread(chat);
  const user = userView(ctx.core.store, chat, userId);
  pushChat(ctx, chat, 'chat_user_added', () => ({ chat_id: chat.id, thread_id: thread?.id ?? '', user, user_type: userType }));
  if (userType === 'agent' && thread) {
    ctx.core.hub.pushToAgents(ctx.licenseId, (id) => id === userId, 'incoming_chat_thread', { chat: chatWithThread(ctx.core.store, chat, thread) });
  }
}

function announceRemoved(ctx: RequestContext, chat: ChatRecord, userId: string, userType: 'agent' | 'customer'): void {
  const thread = activeThread(chat);
  pushChat(ctx, chat, 'chat_user_removed', () => ({ chat_id: chat.id, thread_id: thread?.id ?? '', user_id: userId, user_type: userType }));
}

/** The agents a transfer hands the chat to: the targets, or who routing picks in the groups. */
function transferTargets(ctx: RequestContext, chat: ChatRecord, type: string, ids: Array<string | number>, force: boolean): AgentRecord[] {
  const { store } = ctx.core;
  if (type === 'agent') {
    return ids.map((id) => {
      const agent = getAgent(store, ctx.licenseId, String(id));
      if (!agent) throw new ApiError('validation', `\`target.ids\`: no agent ${id}`);
      if (!force && !isAvailable(agent)) throw new ApiError('validation', `agent ${id} is not accepting chats; send \`force: true\` to transfer anyway`);
      return agent;
    });
  }
  const current = new Set(chat.userIds);
  for (const g of ids as number[]) {
    const picked = availableAgents(store, ctx.licenseId, g).find((a) => !current.has(a.fixture.id));
    if (picked) return [picked];
  }
  if (!force) throw new ApiError('validation', 'no agent of the target groups can take the chat; send `force: true` to transfer anyway');
  return [];
}

/** The agent's access and membership methods. @example dispatch(agentAccessHandlers, ctx, 'transfer_chat', payload); */
export const agentAccessHandlers: HandlerTable = {
  grant_access(ctx, payload) {
    const change = readAccessChange(ctx, payload);
    pushAccessChange(ctx, resolveResource(ctx, change), change, 'access_granted', (access) => {
      if (change.type === 'group' && !access.group_ids.includes(change.id as number)) access.group_ids.push(change.id as number);
      if (change.type === 'agent' && !(access.agent_ids ?? []).includes(change.id as string)) access.agent_ids = [...(access.agent_ids ?? []), change.id as string];
    });
    return {};
  },

  revoke_access(ctx, payload) {
    const change = readAccessChange(ctx, payload);
    pushAccessChange(ctx, resolveResource(ctx, change), change, 'access_revoked', (access) => {
      if (change.type === 'group') access.group_ids = access.group_ids.filter((g) => g !== change.id);
      else access.agent_ids = (access.agent_ids ?? []).filter((a) => a !== change.id);
    });
    return {};
  },

  set_access(ctx, payload) {
    const change = readAccessChange(ctx, payload);
    pushAccessChange(ctx, resolveResource(ctx, change), change, 'access_set', (access) => {
      access.group_ids = change.type === 'group' ? [change.id as number] : [];
      if (change.type === 'agent') access.agent_ids = [change.id as string];
      else delete access.agent_ids;
    });
    return {};
  },

  transfer_chat(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const target = optObject(payload, 'target');
    const force = optBool(payload, 'force') ?? false;
    const type = target ? reqString(target, 'target.type') : 'group';
    if (type !== 'group' && type !== 'agent') throw new ApiError('validation', '`target.type` must be "group" or "agent"');
    const rawIds = target ? reqArray(target, 'target.ids') : [chat.groupId];
    if (rawIds.length === 0) throw new ApiError('validation', '`target.ids` must not be empty');
    const ids: Array<string | number> = type === 'group' ? intItems(rawIds, 'target.ids') : stringItems(rawIds, 'target.ids');
    if (type === 'group') for (const g of ids as number[]) if (!hasGroup(ctx.core.store, ctx.licenseId, g)) throw new ApiError('validation', `\`target.ids\`: no group ${g}`);
    const agents = transferTargets(ctx, chat, type, ids, force);
    const requesterId = requester(ctx).fixture.id;
    pushChat(ctx, chat, 'chat_transferred', () => ({ chat_id: chat.id, thread_id: activeThread(chat)?.id ?? '', requester_id: requesterId, type, ids }));
    if (type === 'group') [chat.groupId, chat.access] = [ids[0] as number, { ...chat.access, group_ids: ids as number[] }];
    const staff = ctx.core.store.licenses.get(ctx.licenseId)?.agents;
    const leaving = chat.userIds.filter((id) => staff?.has(id) && !agents.some((a) => a.fixture.id === id));
    for (const id of leaving) {
      announceRemoved(ctx, chat, id, 'agent');
      removeUserFromChat(ctx.core.store, chat, id);
    }
    for (const agent of agents) if (addUserToChat(ctx.core.store, chat, agent.fixture.id)) announceAdded(ctx, chat, agent.fixture.id, 'agent');
    return {};
  },

  add_user_to_chat(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const userId = reqString(payload, 'user_id');
    const userType = reqString(payload, 'user_type');
    const { store } = ctx.core;
    if (userType === 'agent') {
      if (!getAgent(store, ctx.licenseId, userId)) throw new ApiError('validation', `\`user_id\`: no agent ${userId}`);
    } else if (userType === 'customer') {
      if (!getCustomer(store, ctx.licenseId, userId)) throw new ApiError('authorization', `customer ${userId} is not accessible`);
      if (chat.userIds.some((id) => id !== userId && getCustomer(store, ctx.licenseId, id))) throw new ApiError('validation', 'a chat may have only one customer');
    } else {
      throw new ApiError('validation', '`user_type` must be "agent" or "customer"');
    }
    if (addUserToChat(ctx.core.store, chat, userId)) announceAdded(ctx, chat, userId, userType);
    return {};
  },

  remove_user_from_chat(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const userId = reqString(payload, 'user_id');
    const userType = reqString(payload, 'user_type');
    if (userType === 'customer') throw new ApiError('authorization', 'customers cannot be removed from their chat');
    if (userType !== 'agent') throw new ApiError('validation', '`user_type` must be "agent" or "customer"');
    if (!chat.userIds.includes(userId)) throw new ApiError('validation', `\`user_id\`: ${userId} is not a user of chat ${chat.id}`);
    announceRemoved(ctx, chat, userId, 'agent');
    removeUserFromChat(ctx.core.store, chat, userId);
    return {};
  },
};
