// Visitor tracking for agents (seed 002 `customer_visit_started` / `customer_visit_ended`): a
// visit starts when a customer's first socket logs in and ends when its last one closes. Every
// logged-in agent of the license hears of it, as LiveChat's visitor list does. The sandbox
// knows no geolocation, so that field is left out.
import type { Core } from './core';
import { stamp } from './store';
import type { CustomerRecord } from './store';

/**
 * Announces a visit when the customer's first session logs in (call after counting it).
 * @example
 * visitStarted(core, customer, session.remote);
 */
export function visitStarted(core: Core, customer: CustomerRecord, ip: string): void {
  if (customer.sessions !== 1) return;
  core.hub.pushToAgents(customer.licenseId, () => true, 'customer_visit_started', {
    customer_id: customer.id,
    visit_id: customer.visits,
    started_at: stamp(core.store).created_at,
    ip,
    ...(customer.referrer !== undefined && { referrer: customer.referrer }),
  });
}

/**
 * Announces the end of a visit when the customer's last session has closed (call after
 * counting it down).
 * @example
 * visitEnded(core, customer);
 */
export function visitEnded(core: Core, customer: CustomerRecord): void {
  if (customer.sessions !== 0) return;
  core.hub.pushToAgents(customer.licenseId, () => true, 'customer_visit_ended', {
    customer_id: customer.id,
    visit_id: customer.visits,
    ended_at: stamp(core.store).created_at,
  });
}
