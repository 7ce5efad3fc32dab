// The sandbox's whole state: one plain object, created from fixtures, read and changed only
// through the functions of store.ts / store-chats.ts / store-props.ts and rendered to wire
// objects by store-views.ts. Handlers of both APIs share it; nothing here sends frames.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentFixture, Fixtures, LicenseFixture } from './fixtures';

/** Wrapped properties as responses carry them: `{ns:{name:{value}}}`. */
export type Properties = Record<string, Record<string, { value: unknown }>>;

/** A stored event, already in its wire shape (seed fields plus `created_at`). */
export type WireEvent = Record<string, unknown> & {
  id: string;
  type: string;
  order: number;
  timestamp: number;
  created_at: string;
  recipients: 'all' | 'agents';
  author_id?: string;
};

export interface ThreadRecord {
  id: string;
  order: number;
  timestamp: number;
  active: boolean;
  userIds: string[];
  events: WireEvent[];
  properties: Properties;
  /** Agent-side thread tags (tag_chat_thread). */
  tags?: string[];
}

/** Who may see a chat (or a customer): groups, and agents named one by one (agent API grant_access). */
export interface ChatAccess {
  group_ids: number[];
  agent_ids?: string[];
}

export interface ChatRecord {
  id: string;
  licenseId: number;
  order: number;
  groupId: number;
  /** Customer first, then agents in the order they joined. */
  userIds: string[];
  properties: Properties;
  access: ChatAccess;
  threads: ThreadRecord[];
  continuous: boolean;
  /** Per user: last seen (seconds, draft API) and seen-up-to (RFC 3339, released API). */
  seen: Map<string, { timestamp: number; seenUpTo: string }>;
  /** Agents following the chat without being members (agent API follow_chat). */
  followers?: string[];
}

export interface CustomerRecord {
  id: string;
  licenseId: number;
  name?: string;
  email?: string;
  avatar?: string;
  fields: Record<string, string>;
  createdAt: string;
  /** `customer_side_storage`: any JSON object, starting from the license fixture's `side_storage`. */
  sideStorage: Record<string, unknown>;
  visits: number;
  pageViews: number;
  lastVisit?: number;
  page?: { url: string; title?: string };
  referrer?: string;
  groupId: number;
  /** Whether the login greeting has been shown once (its `displayed_first_time`). */
  greetingShown: boolean;
  /** Open RTM connections of this customer; `present` while > 0. */
  sessions: number;
  /** End of a ban set by the agent API's ban_customer (ms); logins are refused until then. */
  bannedUntil?: number;
  /** Access set by the agent API's grant_access/set_access on resource `customer`. */
  access?: ChatAccess;
}

export type RoutingStatus = 'accepting_chats' | 'not_accepting_chats';

export interface AgentRecord {
  fixture: AgentFixture;
  licenseId: number;
  /** Logged-in RTM sessions; the agent counts as online while > 0. */
  sessions: number;
  routingStatus: RoutingStatus;
  /** Firebase push registrations by device token (agent login / change_push_notifications). */
  pushNotifications?: Record<string, { platform: string; enabled: boolean }>;
}

export interface TokenRecord {
  licenseId: number;
  entityId: string;
  expiresAt: number;
}

/** A file uploaded through the Web API (send_file, upload_image), served at `/files/<id>/<name>`. */
export interface StoredFile {
  licenseId: number;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface LicenseState {
  fixture: LicenseFixture;
  agents: Map<string, AgentRecord>;
}

export interface Store {
  fixtures: Fixtures;
  /** Clock in milliseconds; injectable so tests can expire tokens. */
  now: () => number;
  licenses: Map<number, LicenseState>;
  customers: Map<string, CustomerRecord>;
  chats: Map<string, ChatRecord>;
  /**
   * Chats each user (customer or agent) is a member of, kept by store-chats.ts as `userIds` change,
   * so a login or a routing decision looks at one user's chats instead of scanning every chat.
   */
  chatsByUser: Map<string, Set<ChatRecord>>;
  /** Customer access tokens (`dal:…`) issued by the cookie grant. */
  tokens: Map<string, TokenRecord>;
  /** Identity cookie value + license → customer entity id. */
  identities: Map<string, string>;
  /** Uploaded files by id. */
  files: Map<string, StoredFile>;
  seq: number;
  lastMicros: number;
}

/**
 * Creates the in-memory state for a fixture set. Agents start logged out, accepting chats.
 * @example
 * const store = createStore(loadFixtures(), { now: Date.now });
 */
export function createStore(fixtures: Fixtures, options: { now?: () => number } = {}): Store {
  const licenses = new Map<number, LicenseState>();
  for (const fixture of fixtures.licenses) {
    const agents = new Map<string, AgentRecord>();
    for (const a of fixture.agents) agents.set(a.id, { fixture: a, licenseId: fixture.id, sessions: 0, routingStatus: 'accepting_chats' });
    licenses.set(fixture.id, { fixture, agents });
  }
  return {
    fixtures,
    now: options.now ?? Date.now,
    licenses,
    customers: new Map(),
    chats: new Map(),
    chatsByUser: new Map(),
    tokens: new Map(),
    identities: new Map(),
    files: new Map(),
    seq: 0,
    lastMicros: 0,
  };
}

/** Next value of the store-wide `order` counter (chats, threads and events). @example nextOrder(store); */
export function nextOrder(store: Store): number {
  store.seq += 1;
  return store.seq;
}

/**
 * A strictly increasing stamp: `timestamp` in seconds and `created_at` in RFC 3339 with
 * microseconds, so clients that sort by `created_at` (released v3.1) keep server order.
 * @example
 * const { timestamp, created_at } = stamp(store);
 */
export function stamp(store: Store): { timestamp: number; created_at: string } {
  const micros = Math.max(store.now() * 1000, store.lastMicros + 1);
  store.lastMicros = micros;
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString();
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return { timestamp: Math.floor(ms / 1000), created_at: `${iso.slice(0, 19)}.${fraction}Z` };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A LiveChat-looking id: 10 upper-case letters/digits (chats and threads).
 * @example
 * randomId(); // 'PJ0MRSHTDG'
 */
export function randomId(length = 10): string {
  return Array.from(randomBytes(length), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** The license with this id, if the fixtures define it. @example getLicense(store, 12345); */
export function getLicense(store: Store, licenseId: number): LicenseState | undefined {
  return store.licenses.get(licenseId);
}

/** An agent of a license. @example getAgent(store, 12345, 'agent@chatlet.test'); */
export function getAgent(store: Store, licenseId: number, agentId: string): AgentRecord | undefined {
  return store.licenses.get(licenseId)?.agents.get(agentId);
}

/**
 * The agent a fixture token belongs to (tokens are unique across licenses).
 * @example
 * const agent = agentByToken(store, 'demo-agent-token');
 */
export function agentByToken(store: Store, token: string): AgentRecord | undefined {
  for (const lic of store.licenses.values()) {
    for (const agent of lic.agents.values()) if (agent.fixture.token === token) return agent;
  }
  return undefined;
}

/**
 * The customer with this id in this license, created on first sight (entity ids come from
 * the token grant, so a customer exists from its first login).
 * @example
 * const customer = ensureCustomer(store, 12345, entityId);
 */
export function ensureCustomer(store: Store, licenseId: number, customerId: string): CustomerRecord {
  const existing = store.customers.get(customerId);
  if (existing) return existing;
  const customer: CustomerRecord = {
    id: customerId,
    licenseId,
    fields: {},
    createdAt: stamp(store).created_at,
    sideStorage: structuredClone(store.licenses.get(licenseId)?.fixture.side_storage ?? {}),
    visits: 0,
    pageViews: 0,
    groupId: 0,
    greetingShown: false,
    sessions: 0,
  };
  store.customers.set(customerId, customer);
  return customer;
}

/** A customer of this license, or undefined (never one of another license). @example getCustomer(store, 12345, id); */
export function getCustomer(store: Store, licenseId: number, customerId: string): CustomerRecord | undefined {
  const c = store.customers.get(customerId);
  return c && c.licenseId === licenseId ? c : undefined;
}

/** A fresh customer entity id (UUID, like LiveChat's). @example newEntityId(); */
export function newEntityId(): string {
  return randomUUID();
}
