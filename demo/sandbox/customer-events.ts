// Customer methods of the seed's "events" section plus read receipts: send_event, postbacks,
// sneak peeks, update_last_seen_timestamp (draft v3.1) and mark_events_as_seen (released v3.1).
import type { HandlerTable } from './core';
import { beginThread, requireOnline } from './customer-chats';
import { ownChat, ownEvent } from './customer-access';
import { ApiError, checkTextSize, optBool, optInt, reqObject, reqString } from './protocol';
import { pushToChat } from './routing';
import { activeThread, addEvent, lastThread, togglePostback } from './store-chats';
import { markSeen } from './store-seen';
import { stamp } from './store';
import type { WireEvent } from './store';
import { eventView } from './store-views';
import { validateEvent } from './validate-event';

/** The customer's event methods. @example dispatch(customerEventHandlers, ctx, 'send_event', payload); */
export const customerEventHandlers: HandlerTable = {
  send_event(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const input = validateEvent(reqObject(payload, 'event'), 'event', 'customer');
    // Seed 002: a system message "cannot be sent by a user". (start_chat's initial events keep
    // accepting one, because seed 003's own start_chat sample sends it.)
    if (input.type === 'system_message') throw new ApiError('validation', '`event.type` `system_message` cannot be sent by a customer');
    const attach = optBool(payload, 'attach_to_last_thread') ?? false;
    const requireActive = optBool(payload, 'require_active_thread') ?? false;
    let thread = activeThread(chat);
    if (!thread) {
      if (requireActive) throw new ApiError('validation', `chat ${chat.id} has no active thread`);
      const last = lastThread(chat);
      if (!attach || !last) {
        // Draft v3.1: an event sent to an inactive chat starts a new thread (incoming_chat_thread).
        requireOnline(ctx, chat.groupId, chat.continuous);
        const opened = beginThread(ctx, chat, undefined, [input]);
        return { thread_id: opened.id, event: eventView(opened.events[opened.events.length - 1] as WireEvent) };
      }
      thread = last;
    }
    const event = addEvent(ctx.core.store, thread, ctx.userId, input);
    const threadId = thread.id;
    pushToChat(ctx.core, chat, 'incoming_event', () => ({ chat_id: chat.id, thread_id: threadId, event: eventView(event) }), {
      ...(ctx.origin && { origin: ctx.origin }),
      to: event.recipients === 'agents' ? 'agents' : 'all',
    });
    return { thread_id: threadId, event: eventView(event) };
  },

  send_rich_message_postback(ctx, payload) {
    const chatId = reqString(payload, 'chat_id');
    const threadId = reqString(payload, 'thread_id');
    const eventId = reqString(payload, 'event_id');
    const postback = reqObject(payload, 'postback');
    const id = reqString(postback, 'postback.id');
    const toggled = optBool(postback, 'postback.toggled');
    if (toggled === undefined) throw new ApiError('validation', '`postback.toggled` is required and must be a boolean');
    const { chat, thread, event } = ownEvent(ctx, chatId, threadId, eventId);
    if (event.type !== 'rich_message') throw new ApiError('validation', `event ${eventId} is not a rich message`);
    togglePostback(event, id, ctx.userId, toggled);
    if (thread.active) {
      const body = { user_id: ctx.userId, chat_id: chat.id, thread_id: thread.id, event_id: event.id, postback: { id, toggled } };
      pushToChat(ctx.core, chat, 'incoming_rich_message_postback', () => body, { ...(ctx.origin && { origin: ctx.origin }) });
    }
    return {};
  },

  send_sneak_peek(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const text = payload.sneak_peek_text;
    if (typeof text !== 'string') throw new ApiError('validation', '`sneak_peek_text` is required and must be a string');
    checkTextSize(text, 'sneak_peek_text');
    const thread = activeThread(chat);
    if (thread) {
      const sneakPeek = { author_id: ctx.userId, recipients: 'agents', timestamp: stamp(ctx.core.store).timestamp, text };
      pushToChat(ctx.core, chat, 'incoming_sneak_peek', () => ({ chat_id: chat.id, thread_id: thread.id, sneak_peek: sneakPeek }), { to: 'agents' });
    }
    return {};
  },

  update_last_seen_timestamp(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const timestamp = optInt(payload, 'timestamp', 0);
    const seen = markSeen(ctx.core.store, chat, ctx.userId, timestamp !== undefined ? { timestamp } : {});
    const body = { user_id: ctx.userId, chat_id: chat.id, timestamp: seen.timestamp };
    pushToChat(ctx.core, chat, 'last_seen_timestamp_updated', () => body, { ...(ctx.origin && { origin: ctx.origin }) });
    return { timestamp: seen.timestamp };
  },

  mark_events_as_seen(ctx, payload) {
    const chat = ownChat(ctx, reqString(payload, 'chat_id'));
    const seenUpTo = reqString(payload, 'seen_up_to');
    if (Number.isNaN(Date.parse(seenUpTo))) throw new ApiError('validation', '`seen_up_to` must be an RFC 3339 date');
    const seen = markSeen(ctx.core.store, chat, ctx.userId, { seenUpTo });
    const origin = { ...(ctx.origin && { origin: ctx.origin }) };
    const body = { user_id: ctx.userId, chat_id: chat.id, seen_up_to: seenUpTo };
    pushToChat(ctx.core, chat, 'events_marked_as_seen', () => body, { ...origin, to: 'customers' });
    // The agent API is v3.0 in both dialects: agents hear of a customer's receipt as seed 002 says.
    const v30 = { user_id: ctx.userId, chat_id: chat.id, timestamp: seen.timestamp };
    pushToChat(ctx.core, chat, 'last_seen_timestamp_updated', () => v30, { ...origin, to: 'agents' });
    return {};
  },
};
