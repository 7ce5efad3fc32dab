import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { connect, connectCustomer, loginCustomer, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox({ timers: { loginMs: 300, pingMs: 300 } });
});
afterEach(() => sandbox.close());

describe('customer connection rules', () => {
  it('logs in and pushes customer_side_storage_updated with a visit counter', async () => {
    const { client, customerId, login } = await loginCustomer(sandbox);
    expect(login.payload.customer_id).toBe(customerId);
    const storage = await client.next('customer_side_storage_updated');
    expect(storage.payload.customer_side_storage).toEqual({ customer_visits: '1' });
  });
});
