import type { SocketLike } from './client-options';
import type { PendingRequests } from './pending-requests';
import { RtmError } from './rtm-error';

/**
 * Writes frames to a socket: `trySend` for fire-and-forget frames (ping), `send` for requests, each
 * with a fresh `request_id` that settles through `pending` (answer, error, `timeoutMs` or connection loss).
 * A socket that is already closing may throw on send: the request fails at once with `connection_lost`,
 * and a lost ping is left to the heartbeat, which notices the dead link anyway.
 */
export function socketRequests(pending: PendingRequests, timeoutMs: number) {
  let seq = 0;
  const trySend = (ws: SocketLike, data: string): boolean => {
    try {
      ws.send(data);
      return true;
    } catch {
      return false;
    }
  };
  return {
    trySend,
    send(ws: SocketLike, action: string, payload: object): Promise<unknown> {
      const id = `${++seq}`;
      const answer = pending.add(id, timeoutMs);
      if (!trySend(ws, JSON.stringify({ request_id: id, action, payload }))) {
        pending.settle(id, new RtmError('connection_lost', `Could not send ${action}`));
      }
      return answer;
    },
  };
}
