// A long history arrives as one `get_chat_threads` answer; applied at once, 10,000 events are one
// long task. Cut into pieces, newest first, each piece is a small state change of its own.
import type { Chat, Thread } from '../../protocol/types';

const eventsOf = (thread: Thread): readonly unknown[] => (Array.isArray(thread.events) ? thread.events : []);

// A thread without `order` is one the server has not described: treat it as the newest.
const orderOf = (thread: Thread) => (typeof thread.order === 'number' ? thread.order : Number.POSITIVE_INFINITY);

// Each piece may be twice the one before, up to this many events: every piece rebuilds the UI's
// timeline of all events so far, so fewer, bigger pieces cost less in all, while reducing 2,000
// events (~1 ms of script, ~5 ms at 4× CPU slowdown) stays small next to that rebuild.
const MAX_PIECE = 2_000;

/**
 * Cuts a fetched chat into chats of `first` events, then 2×, 4×… up to 2,000, newest first:
 * the newest thread's newest events, then older ones, then older threads (small threads share a
 * piece). Every piece of a thread carries the thread's fields; only the first carries the chat's
 * (users, properties). Applied in any order the pieces give the same state as the whole chat, since
 * merging is by id; newest first, the first piece already shows what the visitor looks at.
 */
export function sliceChat(chat: Chat, first: number): Chat[] {
  const { thread, threads, ...fields } = chat;
  const all = [...(Array.isArray(threads) ? threads : []), ...(thread ? [thread] : [])].filter((t): t is Thread => typeof t?.id === 'string');
  const newestFirst = all.map((t, i) => ({ t, i })).sort((a, b) => orderOf(b.t) - orderOf(a.t) || b.i - a.i);
  const pieces: Thread[][] = [];
  let size = Math.max(1, Math.floor(first));
  let room = 0;
  for (const { t } of newestFirst) {
    const events = eventsOf(t);
    let end = events.length;
    do {
      if (pieces.length === 0 || room === 0) {
        if (pieces.length > 0) size = Math.max(size, Math.min(size * 2, MAX_PIECE));
        pieces.push([]);
        room = size;
      }
      const start = Math.max(0, end - room);
      pieces[pieces.length - 1]!.push({ ...t, events: events.slice(start, end) as Thread['events'] });
      room -= end - start;
      end = start;
    } while (end > 0);
  }
  if (pieces.length === 0) return [{ ...fields, threads: [] }];
  return pieces.map((piece, i) => (i === 0 ? { ...fields, threads: piece } : { id: chat.id, users: [], threads: piece }));
}
