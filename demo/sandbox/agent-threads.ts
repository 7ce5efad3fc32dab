// Opening threads and posting events on the agent side, shared by start_chat, activate_chat,
// send_event and the Web API's send_file: the requesting agent joins the thread it opens, and
// an event that opens a thread is announced as `incoming_chat_thread`, otherwise as
// `incoming_event` (seed 002 "Send event").
import { requester } from './agent-access';
import { pushChat } from './agent-push';
import { chatWithThread } from './agent-views';
import type { RequestContext } from './core';
import { ApiError, intItems, isObject, optArray, optObject, stringItems } from './protocol';
import type { Payload } from './protocol';
import { activeThread, addEvent, addUserToChat, lastThread, openThread } from './store-chats';
import { wrapProperties } from './store-props';
import type { ChatRecord, Properties, ThreadRecord, WireEvent } from './store';
import { chatView, eventView } from './store-views';
import { validateEvents } from './validate-event';

/** The optional `chat` object of start_chat / activate_chat, checked. */
export interface AgentChatInput {
  properties?: Properties;
  groupIds?: number[];
  customerIds: string[];
  threadProperties?: Properties;
  tags: string[];
  events: Payload[];
}

/**
 * Reads and checks the `chat` object of start_chat / activate_chat.
 * @example
 * const input = readChatInput(optObject(payload, 'chat') ?? {});
 */
export function readChatInput(chat: Payload): AgentChatInput {
  const properties = optObject(chat, 'chat.properties');
  const access = optObject(chat, 'chat.access');
  const groupIds = access && optArray(access, 'chat.access.group_ids');
  const users = (optArray(chat, 'chat.users') ?? []).map((u, i) => {
    if (!isObject(u) || typeof u.id !== 'string' || u.type !== 'customer') {
      throw new ApiError('validation', `\`chat.users[${i}]\` must be {id, type:"customer"}`);
    }
    return u.id;
  });
  if (users.length > 1) throw new ApiError('validation', '`chat.users` may hold only one customer');
  const thread = optObject(chat, 'chat.thread') ?? {};
  const threadProperties = optObject(thread, 'chat.thread.properties');
  const tags = optArray(thread, 'chat.thread.tags');
  return {
    ...(properties && { properties: wrapProperties(properties, 'chat.properties') }),
    ...(groupIds && { groupIds: intItems(groupIds, 'chat.access.group_ids') }),
    customerIds: users,
    ...(threadProperties && { threadProperties: wrapProperties(threadProperties, 'chat.thread.properties') }),
    tags: tags ? [...new Set(stringItems(tags, 'chat.thread.tags'))] : [],
    events: validateEvents(optArray(thread, 'chat.thread.events') ?? [], 'chat.thread.events', 'agent'),
  };
}

function authorOf(ctx: RequestContext, event: Payload): string | undefined {
  return event.type === 'system_message' ? undefined : requester(ctx).fixture.id;
}

/**
 * Opens a thread with the requester in it, adds the initial events and pushes
 * `incoming_chat_thread` to the chat's members (the customer sees only events meant for all).
 * @example
 * const thread = beginAgentThread(ctx, chat, { tags: [], events: [] });
 */
export function beginAgentThread(
  ctx: RequestContext,
  chat: ChatRecord,
  input: { threadProperties?: Properties; tags: string[]; events: Payload[] },
): ThreadRecord {
  const { store } = ctx.core;
  const thread = openThread(store, chat, input.threadProperties);
  addUserToChat(store, chat, requester(ctx).fixture.id);
  if (input.tags.length > 0) thread.tags = [...input.tags];
  for (const e of input.events) addEvent(store, thread, authorOf(ctx, e), e);
  pushChat(ctx, chat, 'incoming_chat_thread', (audience) => ({
    chat: audience === 'agent' ? chatWithThread(store, chat, thread) : chatView(store, chat, 'customer', { thread }),
  }));
  return thread;
}

/**
 * Posts one validated event: into the active thread; with no active thread into the last one
 * when `attach` is set (annotations always attach), an error when `requireActive` is set,
 * and otherwise into a new thread the requester joins.
 * @example
 * const { thread, event } = postEvent(ctx, chat, validateEvent(raw, 'event', 'agent'), {});
 */
export function postEvent(
  ctx: RequestContext,
  chat: ChatRecord,
  input: Payload,
  options: { attach?: boolean; requireActive?: boolean },
): { thread: ThreadRecord; event: WireEvent } {
  const { store } = ctx.core;
  let thread = activeThread(chat);
  if (!thread && (options.attach || input.type === 'annotation')) {
    thread = lastThread(chat);
    if (!thread) throw new ApiError('validation', `chat ${chat.id} has no thread to attach to`);
  }
  if (!thread) {
    if (options.requireActive) throw new ApiError('validation', `chat ${chat.id} has no active thread`);
    const opened = beginAgentThread(ctx, chat, { tags: [], events: [input] });
    return { thread: opened, event: opened.events.at(-1) as WireEvent };
  }
  const event = addEvent(store, thread, authorOf(ctx, input), input);
  const target = thread;
  pushChat(ctx, chat, 'incoming_event', () => ({ chat_id: chat.id, thread_id: target.id, event: eventView(event) }), event.recipients === 'agents' ? 'agents' : 'all');
  return { thread, event };
}
