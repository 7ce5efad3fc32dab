// Agent methods of the seed's "status" section: login, routing status, push notifications,
// logout. Presence (sessions, routing status) goes through routing.ts setAgentPresence, which
// tells customers when a group comes online and routes queued chats to the agent.
import { canSee, requester } from './agent-access';
import { authenticateAgent } from './agent-auth';
import { pushToLicenseAgents } from './agent-push';
import { licenseView, loginChatSummary, myProfile } from './agent-views';
import type { Handler, HandlerTable, RequestContext } from './core';
import { ApiError, optBool, optObject, optString, reqString } from './protocol';
import type { Payload } from './protocol';
import { setAgentPresence } from './routing';
import { activeThread } from './store-chats';
import { getAgent } from './store';
import type { AgentRecord, RoutingStatus } from './store';

const PLATFORMS = new Set(['ios', 'android']);

function platform(input: Payload, field: string): string {
  const value = reqString(input, field);
  if (!PLATFORMS.has(value)) throw new ApiError('validation', `\`${field}\` must be "ios" or "android"`);
  return value;
}

function routingStatus(input: Payload, field: string): RoutingStatus | undefined {
  const value = optString(input, field);
  if (value === undefined || value === 'accepting_chats' || value === 'not_accepting_chats') return value;
  throw new ApiError('validation', `\`${field}\` must be "accepting_chats" or "not_accepting_chats"`);
}

function changeRouting(ctx: RequestContext, agent: AgentRecord, status: RoutingStatus): void {
  setAgentPresence(ctx.core, agent.licenseId, agent.fixture.id, { routingStatus: status });
  pushToLicenseAgents(ctx, 'agent_updated', { agent_id: agent.fixture.id, routing_status: status });
}

/**
 * `login` (RTM only, the first request of a connection): binds the session to the token's
 * agent, makes it present (queued chats of its groups are routed to it, each also announced
 * by `incoming_chat_thread` after the response) and answers license, profile and the
 * summaries of the active chats it can see.
 * @example
 * dispatch({ login: agentLogin }, ctx, 'login', { token: 'Bearer demo-agent-token' });
 */
export const agentLogin: Handler = (ctx, payload) => {
  const { core, session } = ctx;
  // A missing token is an authentication failure (not a malformed request), like a wrong one.
  const token = optString(payload, 'token');
  optString(payload, 'timezone');
  optBool(payload, 'reconnect');
  const push = optObject(payload, 'push_notifications');
  const firebase = push && {
    token: optString(push, 'push_notifications.firebase_token'),
    platform: platform(push, 'push_notifications.platform'),
  };
  const application = optObject(payload, 'application');
  if (application) {
    optString(application, 'application.name');
    optString(application, 'application.version');
  }
  if (!session) throw new ApiError('validation', 'login is an RTM-only method');
  const agent = authenticateAgent(core.store, token);
  if (firebase?.token !== undefined) {
    agent.pushNotifications = { ...agent.pushNotifications, [firebase.token]: { platform: firebase.platform, enabled: true } };
  }
  core.hub.registerAgent(session, agent.licenseId, agent.fixture.id);
  setAgentPresence(core, agent.licenseId, agent.fixture.id, { sessionDelta: 1 });
  const chats = [...core.store.chats.values()]
    .filter((c) => activeThread(c) && canSee(agent, c))
    .sort((a, b) => a.order - b.order)
    .map((c) => loginChatSummary(core.store, c));
  return { license: licenseView(core.store, agent.licenseId), my_profile: myProfile(agent), chats_summary: chats };
};

/** The agent's status methods other than login. @example dispatch(agentStatusHandlers, ctx, 'set_away_status', { away: true }); */
export const agentStatusHandlers: HandlerTable = {
  set_away_status(ctx, payload) {
    const away = optBool(payload, 'away');
    if (away === undefined) throw new ApiError('validation', '`away` is required and must be a boolean');
    changeRouting(ctx, requester(ctx), away ? 'not_accepting_chats' : 'accepting_chats');
    return {};
  },

  change_push_notifications(ctx, payload) {
    const token = reqString(payload, 'firebase_token');
    const os = platform(payload, 'platform');
    const enabled = optBool(payload, 'enabled');
    if (enabled === undefined) throw new ApiError('validation', '`enabled` is required and must be a boolean');
    const agent = requester(ctx);
    agent.pushNotifications = { ...agent.pushNotifications, [token]: { platform: os, enabled } };
    return {};
  },

  update_agent(ctx, payload) {
    const me = requester(ctx);
    const agentId = optString(payload, 'agent_id') ?? me.fixture.id;
    const status = routingStatus(payload, 'routing_status');
    const target = getAgent(ctx.core.store, ctx.licenseId, agentId);
    if (!target) throw new ApiError('validation', `\`agent_id\`: no agent ${agentId}`);
    if (target !== me && me.fixture.permission !== 'administrator' && me.fixture.permission !== 'owner') {
      throw new ApiError('authorization', 'only administrators may update other agents');
    }
    if (status !== undefined) changeRouting(ctx, target, status);
    return {};
  },

  /** The transport closes the agent's sockets once this answer is sent (agent-rtm.ts). */
  logout(ctx) {
    const agent = requester(ctx);
    for (const session of ctx.core.hub.agentSessions(ctx.licenseId, agent.fixture.id)) {
      if (session !== ctx.session) ctx.core.hub.pushToSession(session, 'agent_disconnected', { reason: 'logged_out_remotely' });
    }
    return {};
  },
};
