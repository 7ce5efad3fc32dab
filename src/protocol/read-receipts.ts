import type { RtmError } from './rtm-error';
import type { MethodMap } from './types';

type SeenAction = 'update_last_seen_timestamp' | 'mark_events_as_seen';
type Request = <A extends SeenAction>(action: A, payload: MethodMap[A]['request']) => Promise<MethodMap[A]['response']>;

// How a server refuses an action it does not have: the sandbox (and seed 002's list, which has no
// "unknown action" type) answers `validation`, LiveChat's "Wrong format of request"; an action of
// another API version can come back as `unsupported_version`. A timeout or a lost link says nothing
// about the dialect, so it fails the receipt and keeps the method.
const REFUSED = ['validation', 'unsupported_version'];

/**
 * `ms` as RFC 3339 with microseconds, at the end of that millisecond: event times carry microseconds
 * (`…:00.123456Z`) that a JavaScript time rounds down, and the newest event must count as seen.
 */
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace('Z', '999Z');

/**
 * Read receipts in whichever dialect the connection speaks (protocol-notes §9): the seed's
 * `update_last_seen_timestamp {chat_id}` first; once the server refuses it as an unknown action,
 * released v3.1's `mark_events_as_seen {chat_id, seen_up_to}` for the rest of the connection, starting
 * with the refused receipt. `reset()` on every new login, since a reconnect may reach another server.
 * `mark` resolves with the time (ms) the server counts as seen.
 */
export function readReceipts(request: Request) {
  let released = false;
  return {
    reset(): void {
      released = false;
    },
    async mark(chatId: string, upTo: number): Promise<number> {
      if (!released) {
        try {
          const r = await request('update_last_seen_timestamp', { chat_id: chatId });
          return typeof r?.timestamp === 'number' ? r.timestamp * 1000 : upTo;
        } catch (e) {
          if (!REFUSED.includes((e as RtmError | undefined)?.type as string)) throw e;
          released = true;
        }
      }
      await request('mark_events_as_seen', { chat_id: chatId, seen_up_to: rfc3339(upTo) });
      return upTo;
    },
  };
}
