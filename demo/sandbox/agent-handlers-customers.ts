// Agent methods on customers (seed 000 "customers"): list with filters, create, update, ban.
// A ban disconnects the customer's sockets at once (`customer_disconnected` with reason
// `customer_banned`, protocol-notes §3) and refuses its logins until it ends.
import { accessAllows, requester } from './agent-access';
import { pageOf, rangeFilter, readPageId, sortOrder, stringFilter } from './agent-filters';
import { pushToLicenseAgents } from './agent-push';
import { agentCustomerView } from './agent-views';
import type { HandlerTable, RequestContext } from './core';
import { applyProfile, readProfile } from './customer-login';
import { ApiError, optInt, optObject, push, reqObject, reqString } from './protocol';
import type { Payload } from './protocol';
import { ensureCustomer, getCustomer, newEntityId } from './store';
import type { CustomerRecord } from './store';
import { customerView } from './store-views';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const STRING_FILTERS = ['country', 'email', 'name', 'customer_id'] as const;
const COUNT_FILTERS = ['chats_count', 'threads_count', 'visits_count'] as const;
const DATE_FILTERS = ['created_at', 'agent_last_event_created_at', 'customer_last_event_created_at'] as const;

/** get_customers' filters as one predicate over the agent's customer view. */
function customerFilter(payload: Payload): (view: Record<string, unknown>) => boolean {
  const filters = optObject(payload, 'filters') ?? {};
  const checks: Array<(view: Record<string, unknown>) => boolean> = [];
  for (const key of Object.keys(filters)) {
    const raw = filters[key];
    // Every filter is optional: one sent as null filters nothing.
    if (raw === null) continue;
    const field = `filters.${key}`;
    if ((STRING_FILTERS as readonly string[]).includes(key)) {
      const match = stringFilter(raw, field);
      checks.push((v) => match(stringOf(key === 'customer_id' ? v.id : key === 'country' ? countryOf(v) : v[key])));
    } else if ((COUNT_FILTERS as readonly string[]).includes(key)) {
      const match = rangeFilter(raw, field, 'number');
      checks.push((v) => match((v.statistics as Record<string, number>)[key] ?? 0));
    } else if ((DATE_FILTERS as readonly string[]).includes(key)) {
      const match = rangeFilter(raw, field, 'string');
      checks.push((v) => match(stringOf(v[key])));
    } else {
      throw new ApiError('validation', `\`${field}\` is not a customer filter`);
    }
  }
  return (view) => checks.every((check) => check(view));
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function countryOf(view: Record<string, unknown>): unknown {
  const visit = view.last_visit as { geolocation?: { country?: unknown } } | undefined;
  return visit?.geolocation?.country;
}

function visibleCustomer(ctx: RequestContext, customer: CustomerRecord): boolean {
  return customer.licenseId === ctx.licenseId && (!customer.access || accessAllows(customer.access, requester(ctx)));
}

function existingCustomer(ctx: RequestContext, customerId: string): CustomerRecord {
  const customer = getCustomer(ctx.core.store, ctx.licenseId, customerId);
  if (!customer || !visibleCustomer(ctx, customer)) throw new ApiError('authorization', `customer ${customerId} is not accessible`);
  return customer;
}

/** The agent's customer methods. @example dispatch(agentCustomerHandlers, ctx, 'get_customers', {}); */
export const agentCustomerHandlers: HandlerTable = {
  get_customers(ctx, payload) {
    const order = sortOrder(payload);
    const limit = optInt(payload, 'limit', 1, 100) ?? 10;
    const offset = readPageId(payload, order);
    const match = customerFilter(payload);
    const { store } = ctx.core;
    const views = [...store.customers.values()]
      .filter((c) => visibleCustomer(ctx, c))
      .map((c) => agentCustomerView(store, c))
      .filter(match)
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) * (order === 'asc' ? 1 : -1));
    const { items, ...pages } = pageOf(views, offset, limit, order);
    return { customers: items, total_customers: views.length, ...pages };
  },

  create_customer(ctx, payload) {
    requester(ctx);
    const profile = readProfile(payload, 'payload');
    const customer = ensureCustomer(ctx.core.store, ctx.licenseId, newEntityId());
    applyProfile(customer, profile);
    const view = agentCustomerView(ctx.core.store, customer);
    pushToLicenseAgents(ctx, 'customer_created', { customer: view });
    return view;
  },

  update_customer(ctx, payload) {
    const customerId = reqString(payload, 'customer_id');
    if (!UUID_V4.test(customerId)) throw new ApiError('validation', '`customer_id` must be a UUID v4');
    const profile = readProfile(payload, 'payload');
    if (Object.keys(profile).length === 0) throw new ApiError('validation', 'send at least one of name, email, avatar, fields');
    const customer = existingCustomer(ctx, customerId);
    applyProfile(customer, profile);
    const view = agentCustomerView(ctx.core.store, customer);
    // One object, `customer`, as seed 002's payload table names it (and as the customer side sends it).
    pushToLicenseAgents(ctx, 'customer_updated', { customer: view });
    ctx.core.hub.pushToCustomer(customer.id, 'customer_updated', { customer: customerView(customer) });
    return view;
  },

  ban_customer(ctx, payload) {
    const customer = existingCustomer(ctx, reqString(payload, 'customer_id'));
    const ban = reqObject(payload, 'ban');
    const days = optInt(ban, 'ban.days', 1, 3650);
    if (days === undefined) throw new ApiError('validation', '`ban.days` is required and must be an integer');
    customer.bannedUntil = ctx.core.store.now() + days * 24 * 3600 * 1000;
    pushToLicenseAgents(ctx, 'customer_banned', { customer_id: customer.id, ban: { days } });
    for (const session of ctx.core.hub.customerSessions(customer.id)) {
      session.send(push('customer_disconnected', { reason: 'customer_banned' }), true);
      session.close(1000, 'customer_banned');
    }
    return {};
  },
};
