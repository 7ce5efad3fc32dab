/**
 * What the client does after a `customer_disconnected` reason or a failed `login`:
 * - `refresh_token`: fetch a fresh token and reconnect at once (then back off if it happens again);
 * - `stop`: close for good and expose the reason — retrying cannot help and may make a ban worse;
 * - `pause`: stay disconnected until the visitor acts (`connect()`, network back, tab visible);
 * - `backoff`: reconnect after {@link backoff}.
 */
export type DisconnectAction = 'refresh_token' | 'stop' | 'pause' | 'backoff';

// protocol-notes §3 and §7: customer-sdk destroys itself on these, and the 2021 docs say not to reconnect.
// `misdirected_connection` means this host does not serve the license, so the same URL would fail again.
const STOP = new Set([
  'customer_banned',
  'customer_temporarily_blocked',
  'too_many_connections',
  'license_not_found',
  'license_expired',
  'unsupported_version',
  'product_version_changed',
  'misdirected_connection',
  'misdirected_request',
  'users_limit_reached',
  'wrong_product_version',
]);

/**
 * Maps a `customer_disconnected` reason, or the error type of a failed `login`, to the client's reaction.
 * Unknown and transient reasons (`connection_timeout`, `internal_error`, `service_temporarily_unavailable`,
 * …) back off.
 *
 * @example
 * disconnectPolicy('access_token_expired'); // 'refresh_token'
 * disconnectPolicy('customer_banned');      // 'stop'
 * disconnectPolicy('internal_error');       // 'backoff'
 */
export function disconnectPolicy(reason: string): DisconnectAction {
  if (reason === 'access_token_expired' || reason === 'authentication') return 'refresh_token';
  if (reason === 'inactivity_timeout') return 'pause';
  return STOP.has(reason) ? 'stop' : 'backoff';
}
