// The agent API's handler table (seeds 000/001): one entry per method, grouped in files by the
// seed's sections. Both agent transports route here; each only adds what exists on it alone
// (`login` before the RTM table, `send_file`/`upload_image` on the Web API).
import { agentAccessHandlers } from './agent-handlers-access';
import { agentChatHandlers } from './agent-handlers-chats';
import { agentCustomerHandlers } from './agent-handlers-customers';
import { agentEventHandlers } from './agent-handlers-events';
import { agentLifecycleHandlers } from './agent-handlers-lifecycle';
import { agentPropertyHandlers } from './agent-handlers-props';
import { agentStatusHandlers } from './agent-handlers-status';
import { agentFileHandlers } from './agent-files';
import type { HandlerTable } from './core';

/** Methods that exist only over RTM: they act on the connection's presence (seed 002's method table). */
const RTM_ONLY = new Set(['set_away_status', 'change_push_notifications', 'logout']);

/**
 * The RTM API's table (seed 000): every agent method except `login` (handled first by the
 * RTM transport), by action name.
 * @example
 * const { frame, flush } = dispatch(agentHandlers, ctx, 'send_event', payload);
 */
export const agentHandlers: HandlerTable = {
  ...agentChatHandlers,
  ...agentLifecycleHandlers,
  ...agentAccessHandlers,
  ...agentEventHandlers,
  ...agentPropertyHandlers,
  ...agentCustomerHandlers,
  ...agentStatusHandlers,
};

/**
 * The Web API's table (seed 001): the shared methods without the RTM-only ones, plus the
 * multipart uploads.
 * @example
 * dispatch(agentWebHandlers, ctx, 'upload_image', { image });
 */
export const agentWebHandlers: HandlerTable = {
  ...Object.fromEntries(Object.entries(agentHandlers).filter(([action]) => !RTM_ONLY.has(action))),
  ...agentFileHandlers,
};
