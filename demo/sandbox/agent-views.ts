// Wire objects in the agent API's shapes (seeds 000/001/002), built on the shared views of
// store-views.ts. The agent API nests chats differently from the customer API
// (`{chat:{id, users, thread}}` items, `threads_summary` of `{thread_id, order}`), so those
// shapes live here rather than in the shared views.
import { chatsOfUser } from './store-chats';
import { getLicense } from './store';
import type { AgentRecord, ChatRecord, CustomerRecord, Store, ThreadRecord } from './store';
import { agentView, chatView, customerView, eventView, threadView } from './store-views';

/**
 * The Thread object an agent sees: every event, plus the thread's tags.
 * @example
 * agentThreadView(chat, thread);
 */
export function agentThreadView(chat: ChatRecord, thread: ThreadRecord): Record<string, unknown> {
  return { ...threadView(chat, thread, 'agent'), tags: [...(thread.tags ?? [])] };
}

/**
 * `{id, users, properties, access, thread}`: a chat with one thread (start_chat,
 * incoming_chat_thread, get_chats_summary and get_archives items).
 * @example
 * chatWithThread(store, chat, thread);
 */
export function chatWithThread(store: Store, chat: ChatRecord, thread: ThreadRecord | undefined): Record<string, unknown> {
  const view = chatView(store, chat, 'agent', {});
  return { ...view, thread: thread ? agentThreadView(chat, thread) : {} };
}

/**
 * The chat as activate_chat answers it: all threads and whether the agent follows it.
 * @example
 * activatedChat(store, chat, 'agent@chatlet.test');
 */
export function activatedChat(store: Store, chat: ChatRecord, agentId: string): Record<string, unknown> {
  return {
    ...chatView(store, chat, 'agent', {}),
    threads: chat.threads.map((t) => agentThreadView(chat, t)),
    is_followed: isFollowing(chat, agentId),
  };
}

/**
 * The chat as get_chat_threads answers it. The seed spells the properties key `properites`;
 * both spellings are sent so a client written against the seed or the docs finds it.
 * @example
 * chatThreads(store, chat, chat.threads);
 */
export function chatThreads(store: Store, chat: ChatRecord, threads: ThreadRecord[]): Record<string, unknown> {
  const view = chatView(store, chat, 'agent', {});
  return {
    ...view,
    threads: threads.map((t) => agentThreadView(chat, t)),
    threads_summary: chat.threads.map((t) => ({ thread_id: t.id, order: t.order })),
    properites: structuredClone(chat.properties),
  };
}

/**
 * Whether the agent follows the chat, explicitly or by being a member.
 * @example
 * isFollowing(chat, 'agent@chatlet.test');
 */
export function isFollowing(chat: ChatRecord, agentId: string): boolean {
  return chat.userIds.includes(agentId) || (chat.followers ?? []).includes(agentId);
}

/**
 * One `chats_summary` item of the agent login: last event per type, last thread summary.
 * @example
 * loginChatSummary(store, chat);
 */
export function loginChatSummary(store: Store, chat: ChatRecord): Record<string, unknown> {
  const last = chat.threads.at(-1);
  const lastEventPerType: Record<string, unknown> = {};
  for (const thread of chat.threads) {
    for (const event of thread.events) {
      lastEventPerType[event.type] = { thread_id: thread.id, thread_order: thread.order, event: eventView(event) };
    }
  }
  const view = chatView(store, chat, 'agent', {});
  return {
    id: chat.id,
    users: view.users,
    last_event_per_type: lastEventPerType,
    ...(last && {
      last_thread_summary: {
        id: last.id,
        timestamp: last.timestamp,
        user_ids: [...last.userIds],
        order: last.order,
        active: last.active,
        properties: structuredClone(last.properties),
      },
    }),
    properties: view.properties,
    access: view.access,
  };
}

function lastEventAt(store: Store, customer: CustomerRecord, byCustomer: boolean): string | undefined {
  let latest: string | undefined;
  for (const chat of chatsOfUser(store, customer.licenseId, customer.id)) {
    for (const thread of chat.threads) {
      for (const event of thread.events) {
        const mine = event.author_id === customer.id;
        if (event.author_id !== undefined && mine === byCustomer && (latest === undefined || event.created_at > latest)) latest = event.created_at;
      }
    }
  }
  return latest;
}

/**
 * The User > Customer object as agents see it: statistics over its chats and threads, the
 * last event dates, and whether it is banned.
 * @example
 * agentCustomerView(store, customer);
 */
export function agentCustomerView(store: Store, customer: CustomerRecord): Record<string, unknown> {
  const chats = chatsOfUser(store, customer.licenseId, customer.id);
  const base = customerView(customer);
  const agentLast = lastEventAt(store, customer, false);
  const customerLast = lastEventAt(store, customer, true);
  return {
    ...base,
    statistics: {
      ...(base.statistics as Record<string, unknown>),
      chats_count: chats.length,
      threads_count: chats.reduce((n, c) => n + c.threads.length, 0),
    },
    ...(agentLast !== undefined && { agent_last_event_created_at: agentLast }),
    ...(customerLast !== undefined && { customer_last_event_created_at: customerLast }),
    banned: isBanned(store, customer),
  };
}

/**
 * Whether a ban set by ban_customer is still running.
 * @example
 * isBanned(store, customer);
 */
export function isBanned(store: Store, customer: CustomerRecord): boolean {
  return customer.bannedUntil !== undefined && store.now() < customer.bannedUntil;
}

/**
 * The User > My profile object: the agent plus its permission.
 * @example
 * myProfile(agent);
 */
export function myProfile(agent: AgentRecord): Record<string, unknown> {
  return { ...agentView(agent), permission: agent.fixture.permission ?? 'normal' };
}

/** 2019-09-17, the day v3.1 was released: the fixed "creation" date of every sandbox license. */
const LICENSE_CREATED_SEC = 1_568_678_400;

/**
 * The `license` object of the agent login. Sandbox licenses never expire: the expiration is
 * always a year ahead of the store's clock.
 * @example
 * licenseView(store, 12345);
 */
export function licenseView(store: Store, licenseId: number): Record<string, unknown> {
  const now = store.now();
  return {
    id: String(getLicense(store, licenseId)?.fixture.id ?? licenseId),
    plan: 'enterprise',
    expiration_timestamp: Math.floor(now / 1000) + 365 * 24 * 3600,
    creation_timestamp: LICENSE_CREATED_SEC,
    in_trial: false,
    website_last_activity: new Date(now).toISOString().slice(0, 10),
  };
}
