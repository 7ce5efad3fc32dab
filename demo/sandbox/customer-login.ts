// Customer `login` (seed 003 "status"): token check, profile and page from the request, the
// visit counter in customer_side_storage, and the login response with its dynamic config.
import { visitEnded, visitStarted } from './agent-visits';
import type { Core, Handler } from './core';
import { ApiError, optBool, optInt, optObject, optString, reqString } from './protocol';
import type { Payload } from './protocol';
import { predictAgent } from './routing';
import { activeThread, chatsOfUser } from './store-chats';
import { hasGroup, onlineGroupIds } from './store-groups';
import { hasUnread } from './store-seen';
import { ensureCustomer, getAgent, getLicense } from './store';
import type { CustomerRecord } from './store';
import { verifyCustomerToken } from './token';

/**
 * Checks a `{key: string}` map (customer fields).
 * @example
 * stringMap(fields, 'customer.fields');
 */
export function stringMap(map: Payload, field: string): Record<string, string> {
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string') throw new ApiError('validation', `\`${field}.${k}\` must be a string`);
  }
  return map as Record<string, string>;
}

/**
 * Reads the optional profile fields of `login.customer` (prefix `customer`) or of
 * `update_customer` (no prefix); the prefix only names fields in error messages.
 * @example
 * const profile = readProfile(payload, '');
 */
export function readProfile(input: Payload, prefix: string): Partial<Pick<CustomerRecord, 'name' | 'email' | 'avatar' | 'fields'>> {
  const at = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  const name = optString(input, at('name'));
  const email = optString(input, at('email'));
  const avatar = optString(input, at('avatar'));
  const fields = optObject(input, at('fields'));
  return {
    ...(name !== undefined && { name }),
    ...(email !== undefined && { email }),
    ...(avatar !== undefined && { avatar }),
    ...(fields && { fields: stringMap(fields, at('fields')) }),
  };
}

/**
 * Applies a profile change to a customer (fields merge).
 * @example
 * applyProfile(customer, { name: 'Ann' });
 */
export function applyProfile(customer: CustomerRecord, profile: ReturnType<typeof readProfile>): void {
  if (profile.name !== undefined) customer.name = profile.name;
  if (profile.email !== undefined) customer.email = profile.email;
  if (profile.avatar !== undefined) customer.avatar = profile.avatar;
  if (profile.fields) customer.fields = { ...customer.fields, ...profile.fields };
}

function configUrls(licenseId: number, groupId: number): { static_config_url: string; language_config_url: string } {
  return {
    static_config_url: `/licence/${licenseId}/get_static_config.${groupId}.sandbox.js`,
    language_config_url: `/licence/${licenseId}/v2/localization.en.${groupId}.sandbox.js`,
  };
}

function dynamicConfig(core: Core, customer: CustomerRecord): Payload {
  const { store } = core;
  const lic = getLicense(store, customer.licenseId);
  const online = onlineGroupIds(store, customer.licenseId);
  const chats = chatsOfUser(store, customer.licenseId, customer.id);
  const byGroup: Record<string, Payload> = {};
  for (const chat of chats) {
    const entry = (byGroup[chat.groupId] ??= { chat_ids: [], ...configUrls(customer.licenseId, chat.groupId) });
    (entry.chat_ids as string[]).push(chat.id);
  }
  const predicted = predictAgent(core, customer.licenseId, customer.groupId);
  const agentCard = (id: string): Payload | undefined => {
    const f = getAgent(store, customer.licenseId, id)?.fixture;
    return f && { id: f.id, name: f.name, type: 'agent', avatar: f.avatar ?? '', job_title: f.job_title ?? '', is_bot: f.is_bot ?? false };
  };
  const greeting = lic?.fixture.greeting;
  const greetingAgent = greeting && online.includes(customer.groupId) ? agentCard(greeting.agent_id) : undefined;
  const config: Payload = {
    customer_data: {
      name: customer.name ?? '',
      last_visit_timestamp: customer.lastVisit ?? 0,
      page_views_count: customer.pageViews,
      visits_count: customer.visits,
      chats_count: chats.length,
      invitations_shown_count: 0,
      invitations_accepted_count: 0,
      client_version: 'chatlet-sandbox',
      fields: { ...customer.fields },
      group_id: customer.groupId,
    },
    online_groups_ids: online,
    global_properties: structuredClone(lic?.fixture.global_properties ?? {}),
    customer_groups: { monitoring: { id: customer.groupId, ...configUrls(customer.licenseId, customer.groupId) }, chats: byGroup },
    static_config_version: 'sandbox.1',
    ...(predicted && { predicted_agent: agentCard(predicted.fixture.id) }),
  };
  if (greeting && greetingAgent) {
    config.greeting = { id: greeting.id, unique_id: greeting.unique_id, text: greeting.text, agent: greetingAgent, displayed_first_time: !customer.greetingShown };
    customer.greetingShown = true;
  }
  return config;
}

/** The visit counter a client sent back: the seed's string (`"3"`), or a number if a client turned it into one. */
function visitsIn(storage: Payload): number {
  const v = storage.customer_visits;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/**
 * `login`: the first request of a connection. Binds the session to the token's customer,
 * answers the seed's login payload and then pushes `customer_side_storage_updated` with the
 * visit counter merged into what the customer sent back.
 * @example
 * dispatch({ login: customerLogin }, ctx, 'login', { token: 'Bearer dal:…' });
 */
export const customerLogin: Handler = (ctx, payload) => {
  const { core, licenseId, session } = ctx;
  const token = reqString(payload, 'token');
  const profile = readProfile(optObject(payload, 'customer') ?? {}, 'customer');
  const page = optObject(payload, 'customer_page');
  const url = page && optString(page, 'customer_page.url');
  const title = page && optString(page, 'customer_page.title');
  // Any JSON object, kept as sent (protocol-notes §5): the server's notes, returned unchanged.
  const storage = optObject(payload, 'customer_side_storage') ?? {};
  optBool(payload, 'is_mobile');
  const groupId = optInt(payload, 'group_id', 0);
  const referrer = optString(payload, 'referrer');
  if (groupId !== undefined && !hasGroup(core.store, licenseId, groupId)) throw new ApiError('group_not_found', `no group ${groupId}`);
  const customerId = verifyCustomerToken(core, token, licenseId);
  if (!session) throw new ApiError('validation', 'login is an RTM-only method');

  const customer = ensureCustomer(core.store, licenseId, customerId);
  if (customer.bannedUntil !== undefined && core.store.now() < customer.bannedUntil) throw new ApiError('customer_banned', 'this customer is banned');
  applyProfile(customer, profile);
  if (groupId !== undefined) customer.groupId = groupId;
  if (referrer !== undefined) customer.referrer = referrer;
  if (url !== undefined) {
    customer.page = { url, ...(title !== undefined && { title }) };
    customer.pageViews += 1;
  }
  customer.visits = Math.max(customer.visits, visitsIn(storage)) + 1;
  customer.lastVisit = Math.floor(core.store.now() / 1000);
  customer.sideStorage = { ...customer.sideStorage, ...structuredClone(storage), customer_visits: String(customer.visits) };
  customer.sessions += 1;
  core.hub.registerCustomer(session, licenseId, customerId);
  visitStarted(core, customer, session.remote);

  const chats = chatsOfUser(core.store, licenseId, customerId);
  const body = {
    customer_id: customerId,
    has_active_thread: chats.some((c) => activeThread(c)),
    chats: chats.map((c) => ({ chat_id: c.id, has_unread_events: hasUnread(c, customerId, 'customer'), has_active_thread: !!activeThread(c) })),
    __priv_dynamic_config: dynamicConfig(core, customer),
  };
  core.hub.pushToSession(session, 'customer_side_storage_updated', { customer_side_storage: { ...customer.sideStorage } });
  return body;
};

/**
 * Replaces a customer's `customer_side_storage` with any JSON object and pushes it to the
 * customer's open sessions, as a server does when it keeps notes about a visitor (tests use it to
 * hand a client non-string values it must send back unchanged at its next login).
 * @example
 * pushSideStorage(sandbox.core, customerId, { visits: 2, tags: ['vip'], flags: { a: true } });
 */
export function pushSideStorage(core: Core, customerId: string, storage: Payload): void {
  const customer = core.store.customers.get(customerId);
  if (!customer) throw new Error(`no customer ${customerId}`);
  customer.sideStorage = structuredClone(storage);
  core.hub.pushToCustomer(customerId, 'customer_side_storage_updated', { customer_side_storage: structuredClone(storage) });
}

/**
 * Bookkeeping when a logged-in customer socket closes (presence).
 * @example
 * socket.on('close', () => customerLeft(core, licenseId, customerId));
 */
export function customerLeft(core: Core, licenseId: number, customerId: string): void {
  const customer = core.store.customers.get(customerId);
  if (!customer || customer.licenseId !== licenseId) return;
  customer.sessions = Math.max(0, customer.sessions - 1);
  visitEnded(core, customer);
}
