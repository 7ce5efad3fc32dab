// Chat routing and agent availability, shared by both sides: which agent takes a chat, the
// queue drained when an agent becomes available, the groups_update multicast customers get
// when availability changes, and pushes to everyone in a chat.
import type { Core } from './core';
import type { Origin } from './hub';
import { activeThread, addUserToChat, queuedChats } from './store-chats';
import { getAgent } from './store';
import { availableAgents, onlineGroupIds } from './store-groups';
import type { AgentRecord, ChatRecord, RoutingStatus } from './store';
import { agentView, chatView } from './store-views';
import type { Audience } from './store-views';

/**
 * Pushes to every member and follower of a chat: customers get `build('customer')`, agents `build('agent')`
 * (so agent-only events can be left out for customers). `to:'agents'` skips the customers,
 * `to:'customers'` the agents.
 * @example
 * pushToChat(core, chat, 'incoming_event', () => ({ chat_id: chat.id, thread_id, event }), { origin });
 */
export function pushToChat(
  core: Core,
  chat: ChatRecord,
  action: string,
  build: (audience: Audience) => unknown,
  options: { origin?: Origin; to?: 'all' | 'agents' | 'customers' } = {},
): void {
  const { store, hub } = core;
  const agents = store.licenses.get(chat.licenseId)?.agents;
  // Followers (agent API follow_chat) get the chat's pushes like members.
  const agentIds = new Set([...chat.userIds, ...(chat.followers ?? [])].filter((id) => agents?.has(id)));
  if (options.to !== 'agents') {
    const customerIds = chat.userIds.filter((id) => store.customers.get(id)?.licenseId === chat.licenseId);
    if (customerIds.length > 0) {
      const payload = build('customer');
      for (const id of customerIds) hub.pushToCustomer(id, action, payload, options.origin);
    }
  }
  if (options.to !== 'customers' && agentIds.size > 0) hub.pushToAgents(chat.licenseId, (id) => agentIds.has(id), action, build('agent'), options.origin);
}

function activeChatCount(core: Core, agent: AgentRecord): number {
  let n = 0;
  for (const chat of core.store.chatsByUser.get(agent.fixture.id) ?? []) {
    if (chat.licenseId === agent.licenseId && activeThread(chat)) n++;
  }
  return n;
}

/**
 * The agent routing would pick for a group now: available, fewest active chats, fixture order.
 * @example
 * predictAgent(core, 12345, 0)?.fixture.id; // 'agent@chatlet.test' while it is logged in
 */
export function predictAgent(core: Core, licenseId: number, groupId: number): AgentRecord | undefined {
  let best: AgentRecord | undefined;
  let bestLoad = Infinity;
  for (const agent of availableAgents(core.store, licenseId, groupId)) {
    const load = activeChatCount(core, agent);
    if (load < bestLoad) [best, bestLoad] = [agent, load];
  }
  return best;
}

/**
 * Assigns a chat's active thread that has no agent yet to an agent of its group, if one is
 * available. With
 * `notify`, the agent gets `incoming_chat_thread` and the customer `chat_user_added` (used
 * when a queued chat is picked up later; a new chat announces its users itself).
 * @example
 * const agent = routeChat(core, chat, { notify: false });
 */
export function routeChat(core: Core, chat: ChatRecord, options: { notify: boolean }): AgentRecord | undefined {
  const thread = activeThread(chat);
  const agents = core.store.licenses.get(chat.licenseId)?.agents;
  if (!thread || thread.userIds.some((id) => agents?.has(id))) return undefined;
  const agent = predictAgent(core, chat.licenseId, chat.groupId);
  if (!agent || !addUserToChat(core.store, chat, agent.fixture.id)) return undefined;
  if (options.notify) {
    const user = agentView(agent, chat);
    pushToChat(core, chat, 'chat_user_added', () => ({ chat_id: chat.id, thread_id: thread.id, user, user_type: 'agent' }));
    core.hub.pushToAgents(chat.licenseId, (id) => id === agent.fixture.id, 'incoming_chat_thread', {
      chat: chatView(core.store, chat, 'agent', { thread }),
    });
  }
  return agent;
}

/**
 * Routes the license's queued chats (oldest first) to agents that are available now.
 * @example
 * drainQueue(core, 12345);
 */
export function drainQueue(core: Core, licenseId: number): void {
  for (const chat of queuedChats(core.store, licenseId)) routeChat(core, chat, { notify: true });
}

/**
 * The lc2 `groups_update` multicast (protocol-notes §3) with every group's status.
 * @example
 * core.hub.pushToCustomers(12345, 'incoming_multicast', groupsUpdate(core, 12345));
 */
export function groupsUpdate(core: Core, licenseId: number): Record<string, unknown> {
  const online = new Set(onlineGroupIds(core.store, licenseId));
  const groups = core.store.licenses.get(licenseId)?.fixture.groups ?? [];
  return {
    type: 'lc2',
    content: { name: 'groups_update', groups: groups.map((g) => ({ id: g.id, status: online.has(g.id) ? 'online' : 'offline' })) },
  };
}

/**
 * Changes an agent's presence: `sessionDelta` +1 on RTM login, -1 when that socket closes;
 * `routingStatus` from set_away_status/update_agent. When group availability changes,
 * logged-in customers get `incoming_multicast` groups_update; queued chats are then routed.
 * Returns false for an unknown agent.
 * @example
 * setAgentPresence(core, 12345, 'agent@chatlet.test', { sessionDelta: 1 });
 */
export function setAgentPresence(
  core: Core,
  licenseId: number,
  agentId: string,
  change: { sessionDelta?: number; routingStatus?: RoutingStatus },
): boolean {
  const agent = getAgent(core.store, licenseId, agentId);
  if (!agent) return false;
  const before = onlineGroupIds(core.store, licenseId).join(',');
  agent.sessions = Math.max(0, agent.sessions + (change.sessionDelta ?? 0));
  if (change.routingStatus) agent.routingStatus = change.routingStatus;
  if (onlineGroupIds(core.store, licenseId).join(',') !== before) {
    core.hub.pushToCustomers(licenseId, 'incoming_multicast', groupsUpdate(core, licenseId));
  }
  drainQueue(core, licenseId);
  return true;
}
