// Agent methods that send things (seed 000 "events" and "other"): events, postbacks, typing,
// multicast and the last-seen marker, each with the push the seed names for it.
import { agentChat, agentEvent, requester } from './agent-access';
import { pushChat } from './agent-push';
import { postEvent } from './agent-threads';
import type { HandlerTable } from './core';
import { ApiError, intItems, optArray, optBool, optInt, optObject, optString, reqObject, reqString, stringItems } from './protocol';
import { activeThread, togglePostback } from './store-chats';
import { markSeen } from './store-seen';
import { getCustomer } from './store';
import { eventView } from './store-views';
import { validateEvent } from './validate-event';

function recipientsOf(value: string | undefined): 'all' | 'agents' {
  if (value === undefined || value === 'all' || value === 'agents') return value ?? 'all';
  throw new ApiError('validation', '`recipients` must be "all" or "agents"');
}

/** The agent's sending methods. @example dispatch(agentEventHandlers, ctx, 'send_event', { chat_id, event }); */
export const agentEventHandlers: HandlerTable = {
  send_event(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const input = validateEvent(reqObject(payload, 'event'), 'event', 'agent');
    const attach = optBool(payload, 'attach_to_last_thread') ?? false;
    const requireActive = optBool(payload, 'require_active_thread') ?? false;
    const { thread, event } = postEvent(ctx, chat, input, { attach, requireActive });
    return { thread_id: thread.id, event: eventView(event) };
  },

  send_rich_message_postback(ctx, payload) {
    const postback = reqObject(payload, 'postback');
    const id = reqString(postback, 'postback.id');
    const toggled = optBool(postback, 'postback.toggled');
    if (toggled === undefined) throw new ApiError('validation', '`postback.toggled` is required and must be a boolean');
    const { chat, thread, event } = agentEvent(ctx, reqString(payload, 'chat_id'), reqString(payload, 'thread_id'), reqString(payload, 'event_id'));
    if (event.type !== 'rich_message') throw new ApiError('validation', `event ${event.id} is not a rich message`);
    const userId = requester(ctx).fixture.id;
    togglePostback(event, id, userId, toggled);
    if (thread.active) {
      pushChat(ctx, chat, 'incoming_rich_message_postback', () => ({
        user_id: userId,
        chat_id: chat.id,
        thread_id: thread.id,
        event_id: event.id,
        postback: { id, toggled },
      }));
    }
    return {};
  },

  send_typing_indicator(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const recipients = recipientsOf(optString(payload, 'recipients'));
    const isTyping = optBool(payload, 'is_typing');
    if (isTyping === undefined) throw new ApiError('validation', '`is_typing` is required and must be a boolean');
    const thread = activeThread(chat);
    if (!thread) throw new ApiError('validation', `chat ${chat.id} has no active thread`);
    const authorId = requester(ctx).fixture.id;
    const indicator = {
      chat_id: chat.id,
      thread_id: thread.id,
      typing_indicator: { author_id: authorId, recipients, timestamp: Math.floor(ctx.core.store.now() / 1000), is_typing: isTyping },
    };
    // The typist does not get its own indicator back.
    const { hub, store } = ctx.core;
    if (recipients === 'all') {
      for (const id of chat.userIds) if (getCustomer(store, chat.licenseId, id)) hub.pushToCustomer(id, 'incoming_typing_indicator', indicator);
    }
    const watchers = new Set([...chat.userIds, ...(chat.followers ?? [])]);
    hub.pushToAgents(chat.licenseId, (id) => id !== authorId && watchers.has(id), 'incoming_typing_indicator', indicator);
    return {};
  },

  multicast(ctx, payload) {
    const scopes = reqObject(payload, 'scopes');
    if (payload.content === undefined || payload.content === null) throw new ApiError('validation', '`content` is required');
    const type = optString(payload, 'type');
    const agents = optObject(scopes, 'scopes.agents') ?? {};
    const all = optBool(agents, 'scopes.agents.all') ?? false;
    const ids = new Set(stringItems(optArray(agents, 'scopes.agents.ids') ?? [], 'scopes.agents.ids'));
    const groups = intItems(optArray(agents, 'scopes.agents.groups') ?? [], 'scopes.agents.groups');
    const customers = optObject(scopes, 'scopes.customers') ?? {};
    const customerIds = stringItems(optArray(customers, 'scopes.customers.ids') ?? [], 'scopes.customers.ids');
    if (!all && ids.size === 0 && groups.length === 0 && customerIds.length === 0) {
      throw new ApiError('validation', 'at least one of scopes.agents.all, scopes.agents.ids, scopes.agents.groups, scopes.customers.ids is required');
    }
    const { hub, store } = ctx.core;
    const message = { author_id: requester(ctx).fixture.id, content: structuredClone(payload.content), ...(type !== undefined && { type }) };
    const members = store.licenses.get(ctx.licenseId)?.agents;
    hub.pushToAgents(
      ctx.licenseId,
      (id) => all || ids.has(id) || groups.some((g) => members?.get(id)?.fixture.groups.includes(g) ?? false),
      'incoming_multicast',
      message,
      ctx.origin,
    );
    for (const id of new Set(customerIds)) if (getCustomer(store, ctx.licenseId, id)) hub.pushToCustomer(id, 'incoming_multicast', message);
    return {};
  },

  update_last_seen_timestamp(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const timestamp = optInt(payload, 'timestamp', 0);
    const userId = requester(ctx).fixture.id;
    const seen = markSeen(ctx.core.store, chat, userId, timestamp === undefined ? {} : { timestamp });
    pushChat(ctx, chat, 'last_seen_timestamp_updated', () => ({ user_id: userId, chat_id: chat.id, timestamp: seen.timestamp }));
    return { timestamp: seen.timestamp };
  },
};
