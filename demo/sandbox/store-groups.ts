// Group availability, derived from agent presence: a group is online while at least one of its
// agents is logged in and accepting chats.
import type { AgentRecord, Store } from './store';

/** Whether an agent can be routed chats now: logged in and accepting chats. @example isAvailable(agent); */
export function isAvailable(agent: AgentRecord): boolean {
  return agent.sessions > 0 && agent.routingStatus === 'accepting_chats';
}

/**
 * Agents that may take a new chat in a group right now, in fixture order.
 * @example
 * availableAgents(store, 12345, 0).map((a) => a.fixture.id);
 */
export function availableAgents(store: Store, licenseId: number, groupId: number): AgentRecord[] {
  const lic = store.licenses.get(licenseId);
  if (!lic) return [];
  return [...lic.agents.values()].filter((a) => isAvailable(a) && a.fixture.groups.includes(groupId));
}

/**
 * Ids of the groups that are online: at least one available agent is a member.
 * @example
 * onlineGroupIds(store, 12345); // [0] while agent@chatlet.test is logged in
 */
export function onlineGroupIds(store: Store, licenseId: number): number[] {
  const lic = store.licenses.get(licenseId);
  if (!lic) return [];
  return lic.fixture.groups.map((g) => g.id).filter((id) => availableAgents(store, licenseId, id).length > 0);
}

/** `online` or `offline` for a group of the license. @example groupStatus(store, 12345, 1); // 'offline' */
export function groupStatus(store: Store, licenseId: number, groupId: number): 'online' | 'offline' {
  return availableAgents(store, licenseId, groupId).length > 0 ? 'online' : 'offline';
}

/** Whether the license defines this group. @example hasGroup(store, 12345, 1); // true */
export function hasGroup(store: Store, licenseId: number, groupId: number): boolean {
  return store.licenses.get(licenseId)?.fixture.groups.some((g) => g.id === groupId) ?? false;
}
