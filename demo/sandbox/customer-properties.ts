// Customer methods of the seed's "properties" section: update/delete properties of a chat, a
// thread or an event. Requests carry bare values, pushes the wrapped changed part.
import type { HandlerTable, RequestContext } from './core';
import { ownChat, ownEvent, ownThread } from './customer-access';
import { reqObject, reqString } from './protocol';
import type { Payload } from './protocol';
import { pushToChat } from './routing';
import { deleteProperties, propertyNames, updateProperties, wrapProperties } from './store-props';
import type { ChatRecord, Properties } from './store';

function announce(ctx: RequestContext, chat: ChatRecord, action: string, body: Payload): Payload {
  pushToChat(ctx.core, chat, action, () => body, { ...(ctx.origin && { origin: ctx.origin }) });
  return {};
}

function changes(payload: Payload): Properties {
  return wrapProperties(reqObject(payload, 'properties'), 'properties');
}

function names(payload: Payload): Record<string, string[]> {
  return propertyNames(reqObject(payload, 'properties'), 'properties');
}

/** The customer's property methods. @example dispatch(customerPropertyHandlers, ctx, 'update_chat_properties', payload); */
export const customerPropertyHandlers: HandlerTable = {
  update_chat_properties(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const properties = updateProperties(chat.properties, changes(payload));
    return announce(ctx, chat, 'chat_properties_updated', { chat_id: chat.id, properties });
  },

  delete_chat_properties(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const properties = deleteProperties(chat.properties, names(payload));
    return announce(ctx, chat, 'chat_properties_deleted', { chat_id: chat.id, properties });
  },

  update_chat_thread_properties(ctx, payload) {
    const { chat, thread } = ownThread(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'));
    const properties = updateProperties(thread.properties, changes(payload));
    return announce(ctx, chat, 'chat_thread_properties_updated', { chat_id: chat.id, thread_id: thread.id, properties });
  },

  delete_chat_thread_properties(ctx, payload) {
    const { chat, thread } = ownThread(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'));
    const properties = deleteProperties(thread.properties, names(payload));
    return announce(ctx, chat, 'chat_thread_properties_deleted', { chat_id: chat.id, thread_id: thread.id, properties });
  },

  update_event_properties(ctx, payload) {
    const ids = [reqString(payload, 'chat_id'), reqString(payload, 'thread_id'), reqString(payload, 'event_id')] as const;
    const { chat, thread, event } = ownEvent(ctx, ...ids);
    const target = (event.properties ??= {}) as Properties;
    const properties = updateProperties(target, changes(payload));
    return announce(ctx, chat, 'event_properties_updated', { chat_id: chat.id, thread_id: thread.id, event_id: event.id, properties });
  },

  delete_event_properties(ctx, payload) {
    const ids = [reqString(payload, 'chat_id'), reqString(payload, 'thread_id'), reqString(payload, 'event_id')] as const;
    const { chat, thread, event } = ownEvent(ctx, ...ids);
    const properties = deleteProperties((event.properties ??= {}) as Properties, names(payload));
    return announce(ctx, chat, 'event_properties_deleted', { chat_id: chat.id, thread_id: thread.id, event_id: event.id, properties });
  },
};
