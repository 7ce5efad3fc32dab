// Who hears about an agent-side change. Chat conversation pushes go to the chat's members and
// followers (routing.ts pushToChat); access and customer changes go to every logged-in agent
// whose access reaches the chat, or to the whole license.
import { canSee } from './agent-access';
import type { RequestContext } from './core';
import { pushToChat } from './routing';
import { getAgent } from './store';
import type { ChatRecord } from './store';
import type { Audience } from './store-views';

function originOf(ctx: RequestContext): { origin?: NonNullable<RequestContext['origin']> } {
  return ctx.origin ? { origin: ctx.origin } : {};
}

/**
 * Pushes to every logged-in agent of the license (the requester's copy carries its request_id).
 * @example
 * pushToLicenseAgents(ctx, 'customer_created', { customer });
 */
export function pushToLicenseAgents(ctx: RequestContext, action: string, payload: unknown): void {
  ctx.core.hub.pushToAgents(ctx.licenseId, () => true, action, payload, originOf(ctx).origin);
}

/**
 * Pushes to every logged-in agent that can see any of the given chat states (pass the chat
 * before and after an access change so both those who gained and those who lost access hear
 * of it), and to the chat's followers.
 * @example
 * pushToAgentsWhoSee(ctx, [before, chat], 'access_set', payload);
 */
export function pushToAgentsWhoSee(ctx: RequestContext, chats: ChatRecord[], action: string, payload: unknown): void {
  const { store, hub } = ctx.core;
  hub.pushToAgents(
    ctx.licenseId,
    (agentId) => {
      const agent = getAgent(store, ctx.licenseId, agentId);
      return agent !== undefined && chats.some((c) => canSee(agent, c) || (c.followers ?? []).includes(agentId));
    },
    action,
    payload,
    originOf(ctx).origin,
  );
}

/**
 * The `{origin}` option for routing.ts pushToChat, so the requester's copy carries its request_id.
 * @example
 * pushToChat(ctx.core, chat, 'incoming_event', build, pushOptions(ctx));
 */
export function pushOptions(ctx: RequestContext, to: 'all' | 'agents' = 'all'): { origin?: NonNullable<RequestContext['origin']>; to: 'all' | 'agents' } {
  return { ...originOf(ctx), to };
}

/**
 * Pushes a chat change to the chat's members and followers (customers get `build('customer')`
 * unless `to` is `agents`), and to the requesting agent too when it acts on a chat it only has
 * access to, so every requester sees the push its request caused.
 * @example
 * pushChat(ctx, chat, 'thread_closed', () => ({ chat_id: chat.id, thread_id, user_id }));
 */
export function pushChat(ctx: RequestContext, chat: ChatRecord, action: string, build: (audience: Audience) => unknown, to: 'all' | 'agents' = 'all'): void {
  pushToChat(ctx.core, chat, action, build, pushOptions(ctx, to));
  const watching = chat.userIds.includes(ctx.userId) || (chat.followers ?? []).includes(ctx.userId);
  if (!watching && ctx.session) ctx.core.hub.pushToSession(ctx.session, action, build('agent'), ctx.origin);
}
