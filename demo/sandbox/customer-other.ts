// Customer methods that read license configuration: group status, forms, predicted agent and
// URL details (seed 003 "status" and "other"). None of them changes state.
import type { HandlerTable } from './core';
import { ApiError, intItems, optArray, optBool, optInt, reqInt, reqString } from './protocol';
import { predictAgent } from './routing';
import { getCustomer, getLicense } from './store';
import { groupStatus, hasGroup } from './store-groups';

/** The customer's read-only configuration methods. @example dispatch(customerOtherHandlers, ctx, 'get_form', payload); */
export const customerOtherHandlers: HandlerTable = {
  get_groups_status({ core, licenseId }, payload) {
    const all = optBool(payload, 'all');
    // LiveChat's SDK sends `groups` and `group_ids` together; either is accepted.
    const listed = optArray(payload, 'groups') ?? optArray(payload, 'group_ids');
    if (all !== true && listed === undefined) throw new ApiError('validation', 'send `all: true` or `groups: [ids]`');
    const lic = getLicense(core.store, licenseId);
    const ids = all === true ? (lic?.fixture.groups.map((g) => g.id) ?? []) : intItems(listed ?? [], 'groups');
    const status: Record<string, string> = {};
    for (const id of ids) if (hasGroup(core.store, licenseId, id)) status[id] = groupStatus(core.store, licenseId, id);
    return { groups_status: status };
  },

  get_form({ core, licenseId }, payload) {
    const groupId = reqInt(payload, 'group_id');
    const type = reqString(payload, 'type');
    if (type !== 'prechat' && type !== 'postchat') throw new ApiError('validation', '`type` must be "prechat" or "postchat"');
    if (!hasGroup(core.store, licenseId, groupId)) throw new ApiError('group_not_found', `no group ${groupId}`);
    const form = getLicense(core.store, licenseId)?.fixture.forms[groupId]?.[type];
    return form ? { form: structuredClone(form), enabled: true } : { enabled: false };
  },

  get_predicted_agent({ core, licenseId, userId }, payload) {
    const groupId = optInt(payload, 'group_id', 0) ?? getCustomer(core.store, licenseId, userId)?.groupId ?? 0;
    if (!hasGroup(core.store, licenseId, groupId)) throw new ApiError('group_not_found', `no group ${groupId}`);
    const agent = predictAgent(core, licenseId, groupId);
    if (!agent) throw new ApiError('group_offline', `group ${groupId} has no agent available`);
    const f = agent.fixture;
    const card = { id: f.id, name: f.name, avatar: f.avatar ?? '', is_bot: f.is_bot ?? false, job_title: f.job_title ?? '', type: 'agent' };
    // The seed nests the agent in `agent`; released v3.1 answers it flat (dialect.ts flattens it there).
    return { agent: card };
  },

  get_url_details({ core, licenseId }, payload) {
    const url = reqString(payload, 'url');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ApiError('validation', '`url` must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ApiError('validation', '`url` must be an absolute http(s) URL');
    // Never the network: a fixture's details for a listed URL, otherwise a generic preview of the seed's shape.
    const known = getLicense(core.store, licenseId)?.fixture.url_details ?? {};
    const details = known[url] ?? known[parsed.href] ?? { title: parsed.hostname, description: '', image_url: '', image_width: 0, image_height: 0 };
    return { ...structuredClone(details), url };
  },
};
