// Agent authorization: who is asking, and which chats, threads and events its access reaches.
// An agent reaches a chat when it is a member, when the chat's access names one of its groups
// or itself, or when the access is open to everyone (empty, or group 0 — the "General" group
// every agent belongs to, seed 002 "Access").
import type { RequestContext } from './core';
import { ApiError } from './protocol';
import { findEvent, findThread, getChat } from './store-chats';
import { getAgent } from './store';
import type { AgentRecord, ChatRecord, ThreadRecord, WireEvent } from './store';

/**
 * The agent making the request; `authentication` if the context carries none (a request that
 * reached a handler without login).
 * @example
 * const agent = requester(ctx);
 */
export function requester(ctx: RequestContext): AgentRecord {
  const agent = getAgent(ctx.core.store, ctx.licenseId, ctx.userId);
  if (!agent) throw new ApiError('authentication', 'no agent is logged in');
  return agent;
}

/**
 * Whether an access object `{group_ids, agent_ids?}` lets this agent in.
 * @example
 * accessAllows({ group_ids: [1] }, agent); // true when the agent is in group 1
 */
export function accessAllows(access: { group_ids: number[]; agent_ids?: string[] }, agent: AgentRecord): boolean {
  if (access.group_ids.length === 0 && (access.agent_ids ?? []).length === 0) return true;
  if (access.group_ids.includes(0)) return true;
  if (access.agent_ids?.includes(agent.fixture.id)) return true;
  return access.group_ids.some((g) => agent.fixture.groups.includes(g));
}

/**
 * Whether the agent may see and act on the chat.
 * @example
 * canSee(agent, chat);
 */
export function canSee(agent: AgentRecord, chat: ChatRecord): boolean {
  if (chat.licenseId !== agent.licenseId) return false;
  return chat.userIds.includes(agent.fixture.id) || accessAllows(chat.access, agent);
}

/**
 * The chat with this id if the requester may reach it, else `authorization` (seed 002's error types
 * have no "not found": an unknown id and a chat outside the agent's access are refused alike).
 * @example
 * const chat = agentChat(ctx, reqString(payload, 'chat_id'));
 */
export function agentChat(ctx: RequestContext, chatId: string): ChatRecord {
  const chat = getChat(ctx.core.store, ctx.licenseId, chatId);
  if (!chat || !canSee(requester(ctx), chat)) throw new ApiError('authorization', `chat ${chatId} is not accessible`);
  return chat;
}

/**
 * A thread of a reachable chat, or `authorization`.
 * @example
 * const { chat, thread } = agentThread(ctx, chatId, threadId);
 */
export function agentThread(ctx: RequestContext, chatId: string, threadId: string): { chat: ChatRecord; thread: ThreadRecord } {
  const chat = agentChat(ctx, chatId);
  const thread = findThread(chat, threadId);
  if (!thread) throw new ApiError('authorization', `thread ${threadId} is not accessible in chat ${chatId}`);
  return { chat, thread };
}

/**
 * An event of a reachable chat's thread, or `authorization`.
 * @example
 * const { chat, thread, event } = agentEvent(ctx, chatId, threadId, eventId);
 */
export function agentEvent(
  ctx: RequestContext,
  chatId: string,
  threadId: string,
  eventId: string,
): { chat: ChatRecord; thread: ThreadRecord; event: WireEvent } {
  const { chat, thread } = agentThread(ctx, chatId, threadId);
  const event = findEvent(thread, eventId);
  if (!event) throw new ApiError('authorization', `event ${eventId} is not accessible in thread ${threadId}`);
  return { chat, thread, event };
}
