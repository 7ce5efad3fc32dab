// The customer API's handler table (seed 003): one entry per method, grouped in files by the
// seed's sections. Transports (customer-rtm.ts) only route here.
import type { HandlerTable } from './core';
import { customerOtherHandlers } from './customer-other';

/**
 * Every customer method except `login` (handled first by the transport), by action name.
 * @example
 * const { frame, flush } = dispatch(customerHandlers, ctx, frame.action, frame.payload);
 */
export const customerHandlers: HandlerTable = {
  ...customerOtherHandlers,
};
