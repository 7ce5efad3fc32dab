/**
 * What the client does after a `customer_disconnected` reason or a failed `login`:
 * - `refresh_token`: fetch a fresh token and reconnect at once (then back off if it happens again);
 * - `stop`: close for good and expose the reason — retrying cannot help and may make a ban worse;
 * - `pause`: stay disconnected until the visitor acts (`connect()`, network back, tab visible);
 * - `switch_region`: another region serves the license (`data.region`): reconnect there at once, or
 *   stop when the client cannot (see `regionSwitch`);
 * - `backoff`: reconnect after {@link backoff}.
 */
export type DisconnectAction = 'refresh_token' | 'stop' | 'pause' | 'switch_region' | 'backoff';

// protocol-notes §3 and §7: customer-sdk destroys itself on these, and the 2021 docs say not to reconnect.
const STOP = new Set([
  'customer_banned',
  'customer_temporarily_blocked',
  'too_many_connections',
  'license_not_found',
  'license_expired',
  'unsupported_version',
  'product_version_changed',
  'users_limit_reached',
  'wrong_product_version',
]);

/**
 * Maps a `customer_disconnected` reason, or the error type of a failed `login`, to the client's reaction.
 * Unknown and transient reasons (`connection_timeout`, `internal_error`, `service_temporarily_unavailable`,
 * …) back off.
 */
export function disconnectPolicy(reason: string): DisconnectAction {
  if (reason === 'access_token_expired' || reason === 'authentication') return 'refresh_token';
  if (reason === 'inactivity_timeout') return 'pause';
  // This host does not serve the license, so the same URL would fail again (customer-sdk switches too).
  if (reason === 'misdirected_connection' || reason === 'misdirected_request') return 'switch_region';
  return STOP.has(reason) ? 'stop' : 'backoff';
}
