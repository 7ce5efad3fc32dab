// Wire shapes of users, threads, chats and the login response (seed 002 "Objects", seed 003, protocol-notes §2, §4).
import type { ChatEvent, ChatEventType, Properties } from './event-types';

/**
 * Which groups may see a chat or thread; empty or `[0]` means everyone.
 *
 * @example
 * const access: Access = { group_ids: [1] };
 */
export interface Access {
  group_ids?: number[];
}

/**
 * A customer, as chats, pushes and `update_customer` describe it. Only `id` and `type` are guaranteed.
 *
 * @example
 * const me: Customer = { id: 'b7eff798', type: 'customer', name: 'Ada', fields: { plan: 'pro' } };
 */
export interface Customer {
  id: string;
  type: 'customer';
  name?: string;
  email?: string;
  avatar?: string;
  fields?: Record<string, string>;
  present?: boolean;
  banned?: boolean;
  /** Seed (draft) read receipt, seconds. */
  last_seen_timestamp?: number;
  /** Released v3.1 read receipt, RFC 3339. */
  events_seen_up_to?: string;
  created_at?: string;
  last_visit?: {
    started_at?: string;
    referrer?: string;
    ip?: string;
    user_agent?: string;
    geolocation?: Record<string, string>;
    last_pages?: { opened_at: string; url: string; title?: string }[];
  };
  statistics?: { chats_count?: number; threads_count?: number; visits_count?: number };
}

/**
 * An agent (bots are agents too: treat every non-customer user as an agent).
 *
 * @example
 * const bart: Agent = { id: 'agent1@example.com', type: 'agent', name: 'Bart', job_title: 'Support' };
 */
export interface Agent {
  id: string;
  type: 'agent';
  name?: string;
  email?: string;
  avatar?: string;
  job_title?: string;
  is_bot?: boolean;
  present?: boolean;
  last_seen_timestamp?: number;
  events_seen_up_to?: string;
  routing_status?: string;
}

/**
 * A chat participant, discriminated by `type`.
 *
 * @example
 * const name = (u: User) => u.name ?? (u.type === 'agent' ? 'Agent' : 'You');
 */
export type User = Customer | Agent;

/**
 * A user's role in `chat_user_added` / `chat_user_removed`.
 *
 * @example
 * const isAgent = (t: UserType) => t === 'agent';
 */
export type UserType = User['type'];

/**
 * A thread: one conversation session of a chat. `events` is missing when `restricted_access` is set.
 *
 * @example
 * const last = (t: Thread) => t.events?.at(-1);
 */
export interface Thread {
  id: string;
  active: boolean;
  order: number;
  user_ids: string[];
  events?: ChatEvent[];
  timestamp?: number;
  created_at?: string;
  restricted_access?: boolean;
  properties?: Properties;
  access?: Access;
}

/**
 * A chat. `get_chat_threads` fills `threads`; `incoming_chat_thread` and the seed's `start_chat` fill `thread`.
 *
 * @example
 * const threads = (c: Chat) => c.threads ?? (c.thread ? [c.thread] : []);
 */
export interface Chat {
  id: string;
  order?: number;
  users: User[];
  properties?: Properties;
  access?: Access;
  threads?: Thread[];
  thread?: Thread;
}

/**
 * The last event of one type in a chat summary.
 *
 * @example
 * const lastText = (s: ChatSummary) => s.last_event_per_type?.message?.event;
 */
export interface LastEventOfType {
  thread_id: string;
  thread_order: number;
  event: ChatEvent;
}

/**
 * One chat of `get_chats_summary`.
 *
 * @example
 * const { chats_summary } = await client.getChatsSummary(); // ChatSummary[]
 */
export interface ChatSummary {
  id: string;
  order?: number;
  last_thread_id?: string;
  last_thread_order?: number;
  active?: boolean;
  users: User[];
  properties?: Properties;
  access?: Access;
  last_event_per_type?: Partial<Record<ChatEventType, LastEventOfType>>;
}

/**
 * One thread of `get_chat_threads_summary` (newest first).
 *
 * @example
 * const { threads_summary } = await client.getChatThreadsSummary({ chat_id }); // ThreadSummary[]
 */
export interface ThreadSummary {
  id: string;
  order: number;
  total_events: number;
  active?: boolean;
}

/**
 * An agent's typing state; `is_typing` is absent in seed 002's object.
 *
 * @example
 * client.on('incoming_typing_indicator', ({ typing_indicator: t }) => setTyping(t.author_id, t.is_typing !== false));
 */
export interface TypingIndicator {
  author_id: string;
  recipients?: string;
  timestamp?: number;
  is_typing?: boolean;
}

/**
 * A group's availability in `get_groups_status`.
 *
 * @example
 * const { groups_status } = await client.getGroupsStatus({ groups: [0] }); const s: GroupStatus | undefined = groups_status['0'];
 */
export type GroupStatus = 'online' | 'offline' | 'online_for_queue';

/**
 * The page the customer is on.
 *
 * @example
 * await client.updateCustomerPage({ url: location.href, title: document.title });
 */
export interface CustomerPage {
  url: string;
  title?: string;
}

/**
 * Customer details a client may set at login or with `update_customer`.
 *
 * @example
 * await client.updateCustomer({ name: 'Ada', email: 'ada@example.com' } satisfies CustomerInput);
 */
export interface CustomerInput {
  name?: string;
  email?: string;
  avatar?: string;
  fields?: Record<string, string>;
}
