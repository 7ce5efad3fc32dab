import { describe, expect, it } from 'vitest';
import { disconnectPolicy } from '../../../src/protocol/disconnect-policy';

describe('disconnectPolicy', () => {
  it('fetches a fresh token when the token expired or was rejected at login', () => {
    expect(disconnectPolicy('access_token_expired')).toBe('refresh_token');
    expect(disconnectPolicy('authentication')).toBe('refresh_token');
  });

  it.each([
    'customer_banned',
    'customer_temporarily_blocked',
    'too_many_connections',
    'license_not_found',
    'license_expired',
    'unsupported_version',
    'product_version_changed',
    'users_limit_reached',
    'wrong_product_version',
  ])('stops for good on %s', (reason) => {
    expect(disconnectPolicy(reason)).toBe('stop');
  });

  it.each([
    'connection_timeout',
    'internal_error',
    'connection_evicted',
    'service_temporarily_unavailable',
    'too_many_unauthorized_connections',
    'ping_timeout',
    'socket_closed',
    'request_timeout',
    'internal',
    'something_new',
  ])('backs off on %s', (reason) => {
    expect(disconnectPolicy(reason)).toBe('backoff');
  });

  it.each(['misdirected_connection', 'misdirected_request'])('switches region on %s (push reason, login error)', (reason) => {
    expect(disconnectPolicy(reason)).toBe('switch_region');
  });

  it('waits for the visitor after an inactivity timeout', () => {
    expect(disconnectPolicy('inactivity_timeout')).toBe('pause');
  });
});
