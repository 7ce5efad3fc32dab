// A visitor with a long chat, made directly in the bench's own sandbox: the customer logs in and
// starts the chat over the customer RTM API (so routing and records are real), then the rest of the
// history is appended to the store at once, spread back in time over past days. In LiveChat a thread
// is one conversation session, so a long history is realistically many threads (each closed with a
// system message, the last one still active); one huge thread is the worst case a client can meet.
import type { Sandbox } from '../../demo/sandbox/server';
import { activeThread, addEvent, closeThread, openThread } from '../../demo/sandbox/store-chats';
import { IDENTITY_COOKIE } from '../../demo/sandbox/token';
import { loginCustomer } from '../sandbox/helpers';

const AGENT = 'agent@chatlet.test';
const LICENSE = 12345;
// One event every 7 minutes going back: long histories span days, so the list has day separators.
const SPACING_MS = 7 * 60_000;
const WORDS = 'the order arrived today but one bag of beans was open can you send another please thanks sure we will ship it tomorrow morning'.split(' ');

/** A seeded visitor: the cookie that makes the browser this customer, and the chat's texts. */
export interface SeededChat {
  cookie: { name: string; value: string; url: string };
  chatId: string;
  /** Text of the newest and the oldest message. */
  newest: string;
  oldest: string;
  /** Thread ids, oldest first. */
  threadIds: string[];
}

/** How {@link seedChat} shapes the history. */
export interface SeedOptions {
  /** Threads to spread the events over (default 1): all but the last are closed. */
  threads?: number;
  /** The visitor's identity cookie value (default: unique per call). */
  name?: string;
}

// Deterministic, so every run (and every machine) renders the same texts.
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * Creates a customer whose chat (with the agent, who must be logged in) holds `events` events over
 * `threads` threads of (nearly) equal size: messages alternating in runs between visitor and agent,
 * texts of 3–30 words, and every thread but the last closed by a system message (counted among the
 * events). Returns the identity cookie to put in the browser context.
 *
 * @example
 * const one = await seedChat(sandbox, 10_000);                     // one thread, the worst case
 * const many = await seedChat(sandbox, 10_000, { threads: 100 });  // 100 sessions of 100 events
 * await context.addCookies([many.cookie]);
 */
export async function seedChat(sandbox: Sandbox, events: number, options: SeedOptions = {}): Promise<SeededChat> {
  const threadCount = Math.max(1, Math.min(options.threads ?? 1, Math.floor(events / 2)));
  const name = options.name ?? `bench-${events}x${threadCount}-${Date.now()}`;
  const { client, customerId } = await loginCustomer(sandbox);
  const first = `message 1 of ${events}`;
  const started = await client.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: first }] } } });
  await client.close();
  if (started.success !== true) throw new Error(`start_chat failed: ${JSON.stringify(started.payload)}`);
  const chat = sandbox.store.chats.get(started.payload.chat.id as string)!;
  let thread = activeThread(chat)!;
  if (!chat.userIds.includes(AGENT)) throw new Error('the chat was not routed to the agent: log the agent in first');

  const random = lcg(events);
  let fromVisitor = false;
  let text = first;
  // Thread k (0-based) ends after event ends[k]; its last event is the closing system message.
  const ends = Array.from({ length: threadCount }, (_, k) => Math.round(((k + 1) * events) / threadCount));
  let k = 0;
  for (let i = 2; i <= events; i++) {
    if (i === ends[k] && k < threadCount - 1) {
      closeThread(sandbox.store, chat, 'Chat closed by the agent', 'manual_archived_agent');
      thread = openThread(sandbox.store, chat);
      k++;
      continue;
    }
    if (random() < 0.45) fromVisitor = !fromVisitor;
    const words = Array.from({ length: 3 + Math.floor(random() * 28) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    text = `message ${i} of ${events}: ${words.join(' ')}`;
    addEvent(sandbox.store, thread, fromVisitor ? customerId : AGENT, { type: 'message', text, recipients: 'all' });
  }
  const all = chat.threads.flatMap((t) => t.events);
  const now = Date.now();
  all.forEach((e, i) => {
    const at = now - (all.length - i) * SPACING_MS;
    e.timestamp = Math.floor(at / 1000);
    e.created_at = rfc3339(at);
  });
  for (const t of chat.threads) t.timestamp = t.events[0]!.timestamp;
  sandbox.store.identities.set(`${LICENSE}:${name}`, customerId);
  return {
    cookie: { name: IDENTITY_COOKIE, value: name, url: sandbox.url },
    chatId: chat.id,
    newest: text,
    oldest: first,
    threadIds: chat.threads.map((t) => t.id),
  };
}
