import type { CustomerData } from '../embed/index';
import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * The visitor as the widget knows them (`get('customer_data')`): read again after every widget
 * event, `customer_status_changed` among them (`status`: queued, chatting, invited, browsing), and
 * every change of <ChatWidget>'s customer props, so a new name or the id the login gave shows at
 * once too (LiveChat's hook waits for a status change). `null` without a widget.
 *
 * @example
 * function Greeting() {
 *   const customer = useWidgetCustomerData();
 *   return <p>{customer?.isReturning ? 'Welcome back!' : 'Hello!'}</p>;
 * }
 */
export const useWidgetCustomerData = (): CustomerData | null => useWidgetSnapshot((s) => s.customerData);
