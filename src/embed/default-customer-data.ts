import type { CustomerData, CustomerInput } from './types';

/** `get('customer_data')` before the chat has loaded: what the page set, and no id yet. */
export function defaultCustomerData(customer: CustomerInput = {}): CustomerData {
  return {
    id: '',
    name: customer.name ?? '',
    email: customer.email ?? '',
    isReturning: false,
    status: 'browsing',
    sessionVariables: { ...customer.fields },
  };
}
