// Wire objects (seed 002 "Objects") rendered from store records. `audience` decides what a
// side may see: customers never see events addressed to agents only.
import { getAgent, getCustomer } from './store';
import type { AgentRecord, ChatRecord, CustomerRecord, Store, ThreadRecord, WireEvent } from './store';

/** Who a view is for. */
export type Audience = 'customer' | 'agent';

/**
 * The User > Customer object; inside a chat it adds `present` and the seen markers.
 * @example
 * customerView(customer); // {id, type:'customer', name, email, fields, ...}
 */
export function customerView(c: CustomerRecord, chat?: ChatRecord): Record<string, unknown> {
  const seen = chat?.seen.get(c.id);
  return {
    id: c.id,
    type: 'customer',
    ...(c.name !== undefined && { name: c.name }),
    ...(c.email !== undefined && { email: c.email }),
    ...(c.avatar !== undefined && { avatar: c.avatar }),
    fields: { ...c.fields },
    created_at: c.createdAt,
    statistics: { visits_count: c.visits, page_views_count: c.pageViews },
    present: c.sessions > 0,
    ...(seen && { last_seen_timestamp: seen.timestamp, events_seen_up_to: seen.seenUpTo }),
  };
}

/**
 * The User > Agent object; `routing_status` only while the agent is logged in (seed 002).
 * @example
 * agentView(getAgent(store, 12345, 'agent@chatlet.test')!);
 */
export function agentView(a: AgentRecord, chat?: ChatRecord): Record<string, unknown> {
  const f = a.fixture;
  const seen = chat?.seen.get(f.id);
  return {
    id: f.id,
    type: 'agent',
    name: f.name,
    email: f.id,
    avatar: f.avatar ?? '',
    job_title: f.job_title ?? '',
    is_bot: f.is_bot ?? false,
    present: chat ? chat.userIds.includes(f.id) : a.sessions > 0,
    ...(a.sessions > 0 && { routing_status: a.routingStatus }),
    ...(seen && { last_seen_timestamp: seen.timestamp, events_seen_up_to: seen.seenUpTo }),
  };
}

/** The User object of a chat member, customer or agent. @example userView(store, chat, id); */
export function userView(store: Store, chat: ChatRecord, userId: string): Record<string, unknown> | undefined {
  const customer = getCustomer(store, chat.licenseId, userId);
  if (customer) return customerView(customer, chat);
  const agent = getAgent(store, chat.licenseId, userId);
  return agent ? agentView(agent, chat) : undefined;
}

/** Whether an event is visible to an audience. @example visible(event, 'customer'); */
export function visible(event: WireEvent, audience: Audience): boolean {
  return audience === 'agent' || event.recipients !== 'agents';
}

/** A copy of an event safe to send (later postbacks mutate the stored one). @example eventView(event); */
export function eventView(event: WireEvent): WireEvent {
  return structuredClone(event);
}

/**
 * The Thread object with the events the audience may see.
 * @example
 * threadView(chat, thread, 'customer');
 */
export function threadView(chat: ChatRecord, thread: ThreadRecord, audience: Audience): Record<string, unknown> {
  return {
    id: thread.id,
    order: thread.order,
    timestamp: thread.timestamp,
    active: thread.active,
    user_ids: [...thread.userIds],
    events: thread.events.filter((e) => visible(e, audience)).map(eventView),
    properties: structuredClone(thread.properties),
    access: structuredClone(chat.access),
  };
}

/**
 * The Chat object with either one `thread` (start_chat, incoming_chat_thread) or `threads`
 * (get_chat_threads), or both (activate_chat).
 * @example
 * chatView(store, chat, 'customer', { thread });
 */
export function chatView(
  store: Store,
  chat: ChatRecord,
  audience: Audience,
  shape: { thread?: ThreadRecord; threads?: ThreadRecord[] },
): Record<string, unknown> {
  return {
    id: chat.id,
    order: chat.order,
    users: chat.userIds.flatMap((id) => userView(store, chat, id) ?? []),
    properties: structuredClone(chat.properties),
    access: structuredClone(chat.access),
    ...(shape.thread && { thread: threadView(chat, shape.thread, audience) }),
    ...(shape.threads && { threads: shape.threads.map((t) => threadView(chat, t, audience)) }),
  };
}

/**
 * One `chats_summary` item: the chat with its last thread id and the last event of each type.
 * @example
 * chatSummary(store, chat, 'customer');
 */
export function chatSummary(store: Store, chat: ChatRecord, audience: Audience): Record<string, unknown> {
  const last = chat.threads.at(-1);
  const lastEventPerType: Record<string, { thread_id: string; thread_order: number; event: WireEvent }> = {};
  for (const thread of chat.threads) {
    for (const event of thread.events) {
      if (visible(event, audience)) lastEventPerType[event.type] = { thread_id: thread.id, thread_order: thread.order, event: eventView(event) };
    }
  }
  return {
    id: chat.id,
    order: chat.order,
    last_thread_id: last?.id ?? null,
    users: chat.userIds.flatMap((id) => userView(store, chat, id) ?? []),
    properties: structuredClone(chat.properties),
    access: structuredClone(chat.access),
    last_event_per_type: lastEventPerType,
    active: last?.active ?? false,
  };
}

/** One `threads_summary` item. @example threadSummary(thread, 'customer'); */
export function threadSummary(thread: ThreadRecord, audience: Audience): Record<string, unknown> {
  return {
    id: thread.id,
    order: thread.order,
    total_events: thread.events.filter((e) => visible(e, audience)).length,
    active: thread.active,
  };
}

/** Newest activity of a chat (order of its last event or thread), for sorting summaries. @example lastActivity(chat); */
export function lastActivity(chat: ChatRecord): number {
  const last = chat.threads.at(-1);
  return Math.max(chat.order, last?.order ?? 0, last?.events.at(-1)?.order ?? 0);
}
