// Agent authentication: the fixture's agent tokens, presented as `Bearer <token>` — in the
// RTM `login` payload or the Web API's Authorization header (seeds 000/001).
import { ApiError } from './protocol';
import { agentByToken } from './store';
import type { AgentRecord, Store } from './store';

/**
 * The agent a `Bearer <token>` value belongs to; `authentication` when the value is missing,
 * malformed or names no agent.
 * @example
 * const agent = authenticateAgent(store, req.headers.authorization);
 */
export function authenticateAgent(store: Store, bearer: string | undefined): AgentRecord {
  if (bearer === undefined || bearer.trim() === '') throw new ApiError('authentication', 'an access token is required: `Bearer <token>`');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(bearer.trim());
  const agent = match?.[1] !== undefined ? agentByToken(store, match[1]) : undefined;
  if (!agent) throw new ApiError('authentication', 'invalid access token');
  return agent;
}
