import { describe, expect, it } from 'vitest';
import { defaultCustomerData } from '../../../src/embed/default-customer-data';

describe('defaultCustomerData', () => {
  it('has LiveChat’s fields, empty until the page sets them', () => {
    expect(defaultCustomerData()).toEqual({ id: '', name: '', email: '', isReturning: false, status: 'browsing', sessionVariables: {} });
    const fields = { plan: 'pro' };
    const data = defaultCustomerData({ name: 'Ann', email: 'ann@example.com', fields });
    expect(data).toMatchObject({ name: 'Ann', email: 'ann@example.com', sessionVariables: { plan: 'pro' } });
    expect(data.sessionVariables).not.toBe(fields);
  });
});
