// Customer methods of the seed's "customers" section: profile, page and custom fields. Changes
// reach the customer's own sessions and the agents of its chats.
import type { HandlerTable, RequestContext } from './core';
import { applyProfile, readProfile, stringMap } from './customer-login';
import { ApiError, optString, reqObject, reqString } from './protocol';
import { chatsOfUser } from './store-chats';
import { getCustomer, stamp } from './store';
import type { CustomerRecord } from './store';
import { customerView } from './store-views';

function self(ctx: RequestContext): CustomerRecord {
  const customer = getCustomer(ctx.core.store, ctx.licenseId, ctx.userId);
  if (!customer) throw new ApiError('authentication', 'customer is not logged in');
  return customer;
}

/** Pushes to the customer's sessions and to the agents of its chats. */
function pushAboutCustomer(ctx: RequestContext, action: string, body: unknown): void {
  const { hub, store } = ctx.core;
  hub.pushToCustomer(ctx.userId, action, body, ctx.origin);
  const agents = new Set(chatsOfUser(store, ctx.licenseId, ctx.userId).flatMap((c) => c.userIds));
  hub.pushToAgents(ctx.licenseId, (id) => agents.has(id), action, body);
}

/**
 * `customer_updated` carries one object, `customer` (seed 002's payload table; protocol-notes §3 for
 * both v3.1 variants). Seed 002's sample shows that object's fields flat; one shape is sent, not both.
 */
function customerUpdated(ctx: RequestContext, customer: CustomerRecord): Record<string, unknown> {
  const view = customerView(customer);
  pushAboutCustomer(ctx, 'customer_updated', { customer: view });
  return view;
}

/** The customer's profile methods. @example dispatch(customerProfileHandlers, ctx, 'update_customer', { name: 'Ann' }); */
export const customerProfileHandlers: HandlerTable = {
  update_customer(ctx, payload) {
    const profile = readProfile(payload, '');
    if (Object.keys(profile).length === 0) throw new ApiError('validation', 'send at least one of `name`, `email`, `avatar`, `fields`');
    const customer = self(ctx);
    applyProfile(customer, profile);
    return customerUpdated(ctx, customer);
  },

  update_customer_page(ctx, payload) {
    const url = reqString(payload, 'url');
    const title = optString(payload, 'title');
    const customer = self(ctx);
    customer.page = { url, ...(title !== undefined && { title }) };
    customer.pageViews += 1;
    const { timestamp, created_at } = stamp(ctx.core.store);
    pushAboutCustomer(ctx, 'customer_page_updated', {
      customer_id: customer.id,
      visit_id: customer.visits,
      ...(customer.referrer !== undefined && { referrer: customer.referrer }),
      url,
      ...(title !== undefined && { title }),
      timestamp,
      opened_at: created_at,
    });
    return {};
  },

  set_customer_fields(ctx, payload) {
    const fields = stringMap(reqObject(payload, 'fields'), 'fields');
    const customer = self(ctx);
    applyProfile(customer, { fields });
    customerUpdated(ctx, customer);
    return {};
  },
};
