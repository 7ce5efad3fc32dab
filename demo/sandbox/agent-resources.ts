// The resources grant_access / revoke_access / set_access act on (a chat or a customer) and
// the access pushes they cause. Access is `{group_ids, agent_ids?}`; agents are named by their
// id (the seed types `access.id` as a number because it shows a group).
import { agentChat, requester } from './agent-access';
import { pushToAgentsWhoSee, pushToLicenseAgents } from './agent-push';
import type { RequestContext } from './core';
import { ApiError, reqObject, reqString } from './protocol';
import type { Payload } from './protocol';
import { getAgent, getCustomer } from './store';
import { hasGroup } from './store-groups';
import type { ChatAccess, ChatRecord, CustomerRecord } from './store';

/** One checked access change request. */
export interface AccessChange {
  resource: 'chat' | 'customer';
  resourceId: string;
  type: 'group' | 'agent';
  id: number | string;
}

type Resource = { kind: 'chat'; chat: ChatRecord } | { kind: 'customer'; customer: CustomerRecord };

/**
 * Reads `{resource, id, access:{type, id}}`; the group or agent must exist.
 * @example
 * const change = readAccessChange(ctx, { resource: 'chat', id: 'PW94SJTGW6', access: { type: 'group', id: 1 } });
 */
export function readAccessChange(ctx: RequestContext, payload: Payload): AccessChange {
  const resource = reqString(payload, 'resource');
  if (resource !== 'chat' && resource !== 'customer') throw new ApiError('validation', '`resource` must be "chat" or "customer"');
  const resourceId = reqString(payload, 'id');
  const access = reqObject(payload, 'access');
  const type = reqString(access, 'access.type');
  if (type === 'group') {
    const id = access.id;
    if (typeof id !== 'number' || !Number.isInteger(id)) throw new ApiError('validation', '`access.id` must be a group id (integer)');
    if (!hasGroup(ctx.core.store, ctx.licenseId, id)) throw new ApiError('validation', `\`access.id\`: no group ${id}`);
    return { resource, resourceId, type, id };
  }
  if (type === 'agent') {
    const id = reqString(access, 'access.id');
    if (!getAgent(ctx.core.store, ctx.licenseId, id)) throw new ApiError('validation', `\`access.id\`: no agent ${id}`);
    return { resource, resourceId, type, id };
  }
  throw new ApiError('validation', '`access.type` must be "group" or "agent"');
}

/**
 * The chat (within the requester's access) or customer an access change names.
 * @example
 * const target = resolveResource(ctx, change);
 */
export function resolveResource(ctx: RequestContext, change: AccessChange): Resource {
  if (change.resource === 'chat') return { kind: 'chat', chat: agentChat(ctx, change.resourceId) };
  requester(ctx);
  const customer = getCustomer(ctx.core.store, ctx.licenseId, change.resourceId);
  if (!customer) throw new ApiError('authorization', `customer ${change.resourceId} is not accessible`);
  return { kind: 'customer', customer };
}

function delta(change: AccessChange): Payload {
  return change.type === 'group' ? { group_ids: [change.id] } : { group_ids: [], agent_ids: [change.id] };
}

/**
 * Applies `mutate` to the resource's access and pushes `action`: for a chat to every agent
 * that could see it before or after (and, for `access_set`, to its customer, as v3.1 does);
 * for a customer to the license's agents. Grants and revocations carry the changed part,
 * `access_set` the whole new access.
 * @example
 * pushAccessChange(ctx, target, change, 'access_granted', (access) => access.group_ids.push(1));
 */
export function pushAccessChange(ctx: RequestContext, target: Resource, change: AccessChange, action: string, mutate: (access: ChatAccess) => void): void {
  if (target.kind === 'chat') {
    const { chat } = target;
    const before: ChatRecord = { ...chat, access: structuredClone(chat.access) };
    mutate(chat.access);
    const access = action === 'access_set' ? structuredClone(chat.access) : delta(change);
    const payload = { resource: 'chat', id: chat.id, access };
    pushToAgentsWhoSee(ctx, [before, chat], action, payload);
    if (action === 'access_set') {
      for (const id of chat.userIds) if (getCustomer(ctx.core.store, chat.licenseId, id)) ctx.core.hub.pushToCustomer(id, action, payload);
    }
    return;
  }
  const { customer } = target;
  customer.access ??= { group_ids: [] };
  mutate(customer.access);
  const access = action === 'access_set' ? structuredClone(customer.access) : delta(change);
  pushToLicenseAgents(ctx, action, { resource: 'customer', id: customer.id, access });
}
