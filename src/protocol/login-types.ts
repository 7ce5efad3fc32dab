// The `login` response and its dynamic config: availability, predicted agent, greeting (seed 003 login, protocol-notes §4).

/**
 * The agent a new chat would be routed to.
 *
 * @example
 * const agent = login.__priv_dynamic_config?.predicted_agent; // PredictedAgent | undefined
 */
export interface PredictedAgent {
  id: string;
  name?: string;
  type?: 'agent';
  avatar?: string;
  job_title?: string;
  is_bot?: boolean;
}

/**
 * A greeting (targeted message) offered at login.
 *
 * @example
 * const greeting = login.__priv_dynamic_config?.greeting; if (greeting) show(greeting.text, greeting.agent.name);
 */
export interface Greeting {
  id: number;
  unique_id: string;
  text?: string;
  agent: PredictedAgent;
  displayed_first_time?: boolean;
  accepted?: boolean;
  json?: { template_id?: string; elements?: unknown[] };
}

/**
 * `login`'s unstable `__priv_dynamic_config`: availability, predicted agent, greeting.
 *
 * @example
 * const online = (c: DynamicConfig) => c.online_groups_ids?.includes(c.customer_groups?.monitoring?.id ?? 0) ?? false;
 */
export interface DynamicConfig {
  customer_data?: Record<string, unknown>;
  online_groups_ids?: number[];
  global_properties?: Record<string, unknown>;
  customer_groups?: {
    monitoring?: { id: number; static_config_url?: string; language_config_url?: string };
    chats?: Record<string, { chat_ids: string[]; static_config_url?: string; language_config_url?: string }>;
  };
  static_config_version?: string;
  predicted_agent?: PredictedAgent;
  greeting?: Greeting;
}

/**
 * What `login` (and so `connect()`) resolves with.
 *
 * @example
 * const online = (r: LoginResponse) =>
 *   r.__priv_dynamic_config?.online_groups_ids?.includes(r.__priv_dynamic_config.customer_groups?.monitoring?.id ?? 0);
 */
export interface LoginResponse {
  customer_id: string;
  has_active_thread?: boolean;
  chats: { chat_id: string; has_unread_events?: boolean; has_active_thread?: boolean }[];
  __priv_dynamic_config?: DynamicConfig;
}
