import { isObject } from './is-object';

// The top-level fields a handler of each push relies on: `name` must be a string, `name{` an object.
// Checking them once here lets every handler trust the `PushMap` types one level deep. A Map, so that
// an action named `constructor` or `__proto__` finds nothing instead of Object.prototype's members.
const SHAPES = new Map(Object.entries({
  incoming_chat_thread: 'chat{',
  thread_closed: 'chat_id thread_id',
  incoming_event: 'chat_id event{',
  event_updated: 'chat_id event{',
  chat_user_added: 'chat_id user{',
  chat_user_removed: 'chat_id user_id',
  incoming_rich_message_postback: 'chat_id thread_id event_id postback{',
  chat_properties_updated: 'chat_id properties{',
  chat_properties_deleted: 'chat_id properties{',
  chat_thread_properties_updated: 'chat_id thread_id properties{',
  chat_thread_properties_deleted: 'chat_id thread_id properties{',
  event_properties_updated: 'chat_id thread_id event_id properties{',
  event_properties_deleted: 'chat_id thread_id event_id properties{',
  customer_side_storage_updated: 'customer_side_storage{',
  customer_disconnected: 'reason',
  incoming_typing_indicator: 'chat_id typing_indicator{',
  last_seen_timestamp_updated: 'chat_id user_id',
  events_marked_as_seen: 'chat_id user_id seen_up_to',
}));

/**
 * Checks a known push's required top-level fields; returns what is wrong, or `undefined` when the
 * payload fits (unknown pushes always fit).
 */
export function pushShape(action: string, payload: Record<string, unknown>): string | undefined {
  for (const field of SHAPES.get(action)?.split(' ') ?? []) {
    const object = field.endsWith('{');
    const name = object ? field.slice(0, -1) : field;
    if (object ? !isObject(payload[name]) : typeof payload[name] !== 'string') return `bad ${action}.${name}`;
  }
  return undefined;
}
