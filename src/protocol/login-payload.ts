import { browserDefaults } from './browser-defaults';
import type { CustomerClientOptions } from './client-options';
import type { LoginRequest } from './types';

/**
 * The `login` request: the token as `"Bearer <access_token>"`, the stored `customer_side_storage`, and
 * the options' customer, page, group, referrer and mobile flag. Page and referrer default to the
 * browser's, read at every login because an SPA may have navigated. Unset fields and an empty side
 * storage are left out, so a bare login is exactly the seed's sample.
 */
export function loginPayload(o: CustomerClientOptions, accessToken: string, side: Record<string, unknown>): LoginRequest {
  const defaults = browserDefaults();
  return {
    token: `Bearer ${accessToken}`,
    customer: o.customer,
    customer_page: o.customerPage ?? defaults.customerPage,
    customer_side_storage: Object.keys(side).length ? side : undefined,
    group_id: o.groupId,
    referrer: o.referrer ?? defaults.referrer,
    is_mobile: o.isMobile,
  };
}
