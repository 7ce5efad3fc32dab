// Agent methods on chat, thread and event properties and thread tags (seed 000
// "properties" and "thread tags"). Requests carry bare values; stores and pushes carry them
// wrapped in `{value}` (store-props.ts).
import { agentChat, agentEvent, agentThread } from './agent-access';
import { pushChat } from './agent-push';
import type { HandlerTable } from './core';
import { ApiError, reqObject, reqString } from './protocol';
import { deleteProperties, propertyNames, updateProperties, wrapProperties } from './store-props';
import type { Properties } from './store';

/** The agent's property and tag methods. @example dispatch(agentPropertyHandlers, ctx, 'tag_chat_thread', payload); */
export const agentPropertyHandlers: HandlerTable = {
  update_chat_properties(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const changed = updateProperties(chat.properties, wrapProperties(reqObject(payload, 'properties'), 'properties'));
    pushChat(ctx, chat, 'chat_properties_updated', () => ({ chat_id: chat.id, properties: structuredClone(changed) }));
    return {};
  },

  delete_chat_properties(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const names = deleteProperties(chat.properties, propertyNames(reqObject(payload, 'properties'), 'properties'));
    pushChat(ctx, chat, 'chat_properties_deleted', () => ({ chat_id: chat.id, properties: structuredClone(names) }));
    return {};
  },

  update_chat_thread_properties(ctx, payload) {
    const { chat, thread } = agentThread(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'));
    const changed = updateProperties(thread.properties, wrapProperties(reqObject(payload, 'properties'), 'properties'));
    pushChat(ctx, chat, 'chat_thread_properties_updated', () => ({ chat_id: chat.id, thread_id: thread.id, properties: structuredClone(changed) }));
    return {};
  },

  delete_chat_thread_properties(ctx, payload) {
    const { chat, thread } = agentThread(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'));
    const names = deleteProperties(thread.properties, propertyNames(reqObject(payload, 'properties'), 'properties'));
    pushChat(ctx, chat, 'chat_thread_properties_deleted', () => ({ chat_id: chat.id, thread_id: thread.id, properties: structuredClone(names) }));
    return {};
  },

  update_event_properties(ctx, payload) {
    const ids = [reqString(payload, 'chat_id'), reqString(payload, 'thread_id'), reqString(payload, 'event_id')] as const;
    const { chat, thread, event } = agentEvent(ctx, ...ids);
    const changes = wrapProperties(reqObject(payload, 'properties'), 'properties');
    const changed = updateProperties((event.properties ??= {}) as Properties, changes);
    const build = (): unknown => ({ chat_id: chat.id, thread_id: thread.id, event_id: event.id, properties: structuredClone(changed) });
    pushChat(ctx, chat, 'event_properties_updated', build, event.recipients === 'agents' ? 'agents' : 'all');
    return {};
  },

  delete_event_properties(ctx, payload) {
    const ids = [reqString(payload, 'chat_id'), reqString(payload, 'thread_id'), reqString(payload, 'event_id')] as const;
    const { chat, thread, event } = agentEvent(ctx, ...ids);
    const names = propertyNames(reqObject(payload, 'properties'), 'properties');
    deleteProperties((event.properties ??= {}) as Properties, names);
    const build = (): unknown => ({ chat_id: chat.id, thread_id: thread.id, event_id: event.id, properties: structuredClone(names) });
    pushChat(ctx, chat, 'event_properties_deleted', build, event.recipients === 'agents' ? 'agents' : 'all');
    return {};
  },

  tag_chat_thread(ctx, payload) {
    const { chat, thread } = agentThread(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'));
    const tag = reqString(payload, 'tag');
    if (!(thread.tags ?? []).includes(tag)) {
      thread.tags = [...(thread.tags ?? []), tag];
      pushChat(ctx, chat, 'chat_thread_tagged', () => ({ chat_id: chat.id, thread_id: thread.id, tag }), 'agents');
    }
    return {};
  },

  untag_chat_thread(ctx, payload) {
    const { chat, thread } = agentThread(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'));
    const tag = reqString(payload, 'tag');
    if (!(thread.tags ?? []).includes(tag)) throw new ApiError('validation', `thread ${thread.id} has no tag ${tag}`);
    thread.tags = (thread.tags ?? []).filter((t) => t !== tag);
    pushChat(ctx, chat, 'chat_thread_untagged', () => ({ chat_id: chat.id, thread_id: thread.id, tag }), 'agents');
    return {};
  },
};
