import type { Action, MethodMap } from './types';

/** Every customer method except `login`, which the client sends itself. */
const ACTIONS = [
  'get_chats_summary',
  'get_chat_threads_summary',
  'get_chat_threads',
  'start_chat',
  'activate_chat',
  'close_thread',
  'send_event',
  'send_rich_message_postback',
  'send_sneak_peek',
  'update_chat_properties',
  'delete_chat_properties',
  'update_chat_thread_properties',
  'delete_chat_thread_properties',
  'update_event_properties',
  'delete_event_properties',
  'update_customer',
  'update_customer_page',
  'set_customer_fields',
  'get_groups_status',
  'get_form',
  'get_predicted_agent',
  'get_url_details',
  'update_last_seen_timestamp',
  'mark_events_as_seen',
] as const satisfies readonly Action[];

/** Fails to compile when a method of {@link MethodMap} has no wrapper. */
type Complete<Missing extends never> = Missing;
type WrappedAll = Complete<Exclude<Action, 'login' | (typeof ACTIONS)[number]>>;

/** `get_chat_threads_summary` → `getChatThreadsSummary`. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/**
 * The payload argument of `action`: optional when every field of its request is.
 *
 * @example
 * const send = <A extends Action>(a: A, ...p: PayloadArg<A>) => client.request(a, ...p);
 */
export type PayloadArg<A extends Action> = {} extends MethodMap[A]['request']
  ? [payload?: MethodMap[A]['request']]
  : [payload: MethodMap[A]['request']];

/**
 * One camelCase method per customer action, taking the seed's snake_case payload unchanged and
 * resolving with the response payload.
 *
 * @example
 * const { chats_summary } = await client.getChatsSummary({ limit: 25 });
 * await client.sendEvent({ chat_id, event: { type: 'message', text: 'Hi', custom_id } });
 */
export type MethodWrappers = {
  [A in (typeof ACTIONS)[number] as Camel<A>]: (...payload: PayloadArg<A>) => Promise<MethodMap[A]['response']>;
};

/** Builds the wrappers from the action table, so each costs a few bytes instead of a hand-written function. */
export function methodWrappers(request: (action: Action, payload: object) => Promise<unknown>): MethodWrappers {
  const wrappers: Record<string, (payload?: object) => Promise<unknown>> = {};
  for (const action of ACTIONS) {
    wrappers[action.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())] = (payload = {}) => request(action, payload);
  }
  return wrappers as MethodWrappers;
}
