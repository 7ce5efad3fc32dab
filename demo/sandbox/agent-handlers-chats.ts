// Agent methods that read chats (seed 000 "chats": summaries, threads, archives) and the
// follow/unfollow pair. Every list holds only chats the requester's access reaches.
import { agentChat, canSee, requester } from './agent-access';
import { dayBound, pageOf, pagination, propertyFilter, readPageId, sortOrder } from './agent-filters';
import { chatThreads, chatWithThread, isFollowing, loginChatSummary } from './agent-views';
import type { HandlerTable, RequestContext } from './core';
import { ApiError, intItems, optArray, optBool, optInt, optObject, optString, reqString, stringItems } from './protocol';
import type { Payload } from './protocol';
import { findThread } from './store-chats';
import type { ChatRecord, Properties, ThreadRecord } from './store';
import { lastActivity } from './store-views';

function visibleChats(ctx: RequestContext): ChatRecord[] {
  const agent = requester(ctx);
  return [...ctx.core.store.chats.values()].filter((c) => canSee(agent, c));
}

/** Chat and thread properties together, as property filters match either. */
function mergedProperties(chat: ChatRecord, thread: ThreadRecord | undefined): Properties {
  const out: Properties = structuredClone(chat.properties);
  for (const [ns, values] of Object.entries(thread?.properties ?? {})) out[ns] = { ...out[ns], ...values };
  return out;
}

function textOf(thread: ThreadRecord): string {
  return thread.events.map((e) => (typeof e.text === 'string' ? e.text : '')).join('\n').toLowerCase();
}

/** The archive filters of get_archives, checked up front, as one predicate over a thread. */
function archiveFilter(payload: Payload): (chat: ChatRecord, thread: ThreadRecord) => boolean {
  const filters = optObject(payload, 'filters') ?? {};
  const query = optString(filters, 'filters.query')?.toLowerCase();
  const from = dayBound(filters, 'filters.date_from', 'start');
  const to = dayBound(filters, 'filters.date_to', 'end');
  const agentIds = optArray(filters, 'filters.agent_ids');
  const agents = agentIds && stringItems(agentIds, 'filters.agent_ids');
  const groupIds = optArray(filters, 'filters.group_ids');
  const groups = groupIds && intItems(groupIds, 'filters.group_ids');
  const props = propertyFilter(filters, 'filters.properties');
  return (chat, thread) =>
    (query === undefined || textOf(thread).includes(query)) &&
    (from === undefined || thread.timestamp >= from) &&
    (to === undefined || thread.timestamp <= to) &&
    (agents === undefined || agents.some((id) => thread.userIds.includes(id))) &&
    (groups === undefined || groups.some((g) => chat.access.group_ids.includes(g))) &&
    props(mergedProperties(chat, thread));
}

/** The agent's chat-reading methods. @example dispatch(agentChatHandlers, ctx, 'get_archives', {}); */
export const agentChatHandlers: HandlerTable = {
  get_chats_summary(ctx, payload) {
    const filters = optObject(payload, 'filters') ?? {};
    const includeActive = optBool(filters, 'filters.include_active') ?? true;
    const props = propertyFilter(filters, 'filters.properties');
    const { page, limit } = pagination(payload);
    const chats = visibleChats(ctx)
      .filter((c) => (includeActive || !c.threads.at(-1)?.active) && props(mergedProperties(c, c.threads.at(-1))))
      .sort((a, b) => lastActivity(b) - lastActivity(a));
    const items = chats.slice((page - 1) * limit, page * limit);
    return {
      chats: items.map((c) => ({ chat: chatWithThread(ctx.core.store, c, c.threads.at(-1)) })),
      found_chats: chats.length,
      pagination: { page, total: chats.length },
    };
  },

  /** Seed 002 only (not in 000/001): login-style summaries, filtered like get_chats_summary. */
  get_filtered_chats(ctx, payload) {
    const filters = optObject(payload, 'filters') ?? {};
    const includeActive = optBool(filters, 'filters.include_active') ?? true;
    const props = propertyFilter(filters, 'filters.properties');
    const chats = visibleChats(ctx)
      .filter((c) => (includeActive || !c.threads.at(-1)?.active) && props(mergedProperties(c, c.threads.at(-1))))
      .sort((a, b) => lastActivity(b) - lastActivity(a));
    return { chats_summary: chats.map((c) => loginChatSummary(ctx.core.store, c)) };
  },

  get_chat_threads_summary(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const order = sortOrder(payload);
    const limit = optInt(payload, 'limit', 1, 100) ?? 10;
    const offset = readPageId(payload, order);
    const threads = [...chat.threads].sort((a, b) => (order === 'asc' ? a.order - b.order : b.order - a.order));
    const { items, ...pages } = pageOf(threads, offset, limit, order);
    return {
      threads_summary: items.map((t) => ({ id: t.id, order: t.order, events_count: t.events.length, active: t.active })),
      found_threads: threads.length,
      ...pages,
    };
  },

  get_chat_threads(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const ids = optArray(payload, 'thread_ids');
    const threads = ids
      ? stringItems(ids, 'thread_ids').map((id) => {
          const thread = findThread(chat, id);
          if (!thread) throw new ApiError('authorization', `thread ${id} is not accessible in chat ${chat.id}`);
          return thread;
        })
      : chat.threads;
    return { chat: chatThreads(ctx.core.store, chat, threads) };
  },

  /** Seed 000: "1 chat per 1 thread" — every thread (active ones too) of every chat the agent can access. */
  get_archives(ctx, payload) {
    const match = archiveFilter(payload);
    const { page, limit } = pagination(payload);
    const found = visibleChats(ctx)
      .flatMap((chat) => chat.threads.filter((t) => match(chat, t)).map((thread) => ({ chat, thread })))
      .sort((a, b) => b.thread.order - a.thread.order);
    return {
      chats: found.slice((page - 1) * limit, page * limit).map(({ chat, thread }) => ({ chat: chatWithThread(ctx.core.store, chat, thread) })),
      pagination: { page, total: found.length },
    };
  },

  follow_chat(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const agentId = requester(ctx).fixture.id;
    if (!isFollowing(chat, agentId)) {
      chat.followers = [...(chat.followers ?? []), agentId];
      const view = chatWithThread(ctx.core.store, chat, chat.threads.at(-1));
      for (const session of ctx.core.hub.agentSessions(ctx.licenseId, agentId)) {
        ctx.core.hub.pushToSession(session, 'incoming_chat_thread', { chat: view }, ctx.origin);
      }
    }
    return { chat_id: chat.id };
  },

  unfollow_chat(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const agentId = requester(ctx).fixture.id;
    if (chat.userIds.includes(agentId)) throw new ApiError('validation', 'chat members cannot unfollow their chat');
    chat.followers = (chat.followers ?? []).filter((id) => id !== agentId);
    return { chat_id: chat.id };
  },
};
