// The customer API's handler table (seed 003): one entry per method, grouped in files by the
// seed's sections. Transports (customer-rtm.ts) only route here.
import type { HandlerTable } from './core';
import { customerChatHandlers } from './customer-chats';
import { customerEventHandlers } from './customer-events';
import { customerOtherHandlers } from './customer-other';
import { customerProfileHandlers } from './customer-profile';
import { customerPropertyHandlers } from './customer-properties';

/**
 * Every customer method except `login` (handled first by the transport), by action name.
 * @example
 * const { frame, flush } = dispatch(customerHandlers, ctx, frame.action, frame.payload);
 */
export const customerHandlers: HandlerTable = {
  ...customerChatHandlers,
  ...customerEventHandlers,
  ...customerPropertyHandlers,
  ...customerProfileHandlers,
  ...customerOtherHandlers,
};
