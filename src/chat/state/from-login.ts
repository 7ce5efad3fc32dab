import { isObject } from '../../protocol/is-object';
import type { DynamicConfig, LoginResponse } from '../../protocol/types';
import type { Change } from './change';
import { isId } from './is-id';


/**
 * The changes a login brings: who the visitor is, which groups are online, the predicted agent, the
 * greeting, and the visitor's chats (whether each is active or has unread events).
 */
export function fromLogin(r: LoginResponse): Change[] {
  const config: DynamicConfig = isObject(r.__priv_dynamic_config) ? r.__priv_dynamic_config! : {};
  const list = Array.isArray(r.chats) ? r.chats : [];
  const chats: Extract<Change, { type: 'logged_in' }>['chats'] = [];
  for (const c of list) {
    if (!isObject(c) || !isId(c.chat_id)) continue;
    // Released v3.1 says it once for the visitor's only chat, at the top level.
    const active = c.has_active_thread ?? (list.length === 1 ? r.has_active_thread : undefined);
    chats.push({ id: c.chat_id, active: typeof active === 'boolean' ? active : undefined, unread: c.has_unread_events === true });
  }
  return [
    {
      type: 'logged_in',
      customerId: isId(r.customer_id) ? r.customer_id : null,
      onlineGroups: Array.isArray(config.online_groups_ids) ? config.online_groups_ids.filter((id) => typeof id === 'number') : [],
      predictedAgent: isObject(config.predicted_agent) ? config.predicted_agent! : null,
      greeting: isObject(config.greeting) ? config.greeting! : null,
      chats,
    },
  ];
}
