// Which chats the bot should step into: active ones it is not in, where the customer has been
// waiting longer than the grace period for any agent to answer. Pure: bot.ts feeds it the
// `get_chats_summary` items and the clock.
import type { ChatSnapshot } from './reply';

function eventTime(event: Record<string, any>): number | undefined {
  if (typeof event.created_at === 'string') {
    const ms = Date.parse(event.created_at);
    if (!Number.isNaN(ms)) return ms;
  }
  return typeof event.timestamp === 'number' ? event.timestamp * 1000 : undefined;
}

/**
 * Ids of the chats nobody has answered for `afterMs`: an active thread without the bot, and a
 * customer event (message, form, file) after the last thing an agent wrote, the first of
 * which is at least `afterMs` old.
 * @example
 * waitingChats(summary.chats.map((c) => c.chat), { botId: 'bot@chatlet.test', now: Date.now(), afterMs: 30_000 });
 */
export function waitingChats(chats: ChatSnapshot[], options: { botId: string; now: number; afterMs: number }): string[] {
  const out: string[] = [];
  for (const chat of chats) {
    const thread = chat.thread;
    if (!thread?.active || thread.user_ids?.includes(options.botId)) continue;
    const customers = new Set((chat.users ?? []).filter((u) => u.type === 'customer').map((u) => u.id));
    let firstUnanswered: number | undefined;
    for (const event of thread.events ?? []) {
      if (event.author_id === undefined) continue;
      if (!customers.has(event.author_id)) firstUnanswered = undefined;
      else if (firstUnanswered === undefined) firstUnanswered = eventTime(event);
    }
    if (firstUnanswered !== undefined && options.now - firstUnanswered >= options.afterMs) out.push(chat.id);
  }
  return out;
}
