// The demo bot's connection: a plain Agent RTM v3.0 client (nothing sandbox-internal) that
// answers the chats routing gives it, steps into chats no agent has answered for a while
// (`add_user_to_chat`), shows typing before each reply and goes quiet once a human writes.
// What it says is decided by reply.ts; this file only listens, waits and sends.
import { WebSocket } from 'ws';
import { createAgentClient } from '../agent/agent-client';
import type { AgentClient, AgentSocket, Json } from '../agent/agent-client';
import { greet, respond } from './reply';
import type { BotInput, BotMemory, BotReply, ChatSnapshot } from './reply';
import { waitingChats } from './waiting-chats';

export interface BotOptions {
  /** Sandbox or API base, e.g. `ws://127.0.0.1:8081`. */
  url: string;
  /** The bot agent's access token (fixture: `demo-bot-token`). */
  token: string;
  /** Step into a chat whose customer has waited this long for an answer; `null` never does. Default 30 s. */
  takeoverMs?: number | null;
  /** How often to look for such chats (`get_chats_summary`). Default 3 s. */
  pollMs?: number;
  /** How long the typing indicator shows before a reply. Default: longer for longer texts, ≤ 2 s. */
  typingMs?: (reply: BotReply) => number;
  connect?: (url: string) => AgentSocket;
  log?: (message: string) => void;
}

export interface Bot {
  /** Resolves after the first successful login. */
  ready: Promise<void>;
  readonly client: AgentClient;
  /** Stops polling, cancels pending replies and closes the socket. */
  close(): void;
}

const defaultTyping = (reply: BotReply): number => 500 + Math.min(1500, reply.type === 'message' ? reply.text.length * 12 : 800);

/**
 * Logs the bot in and keeps it answering until `close()`.
 * @example
 * const bot = startBot({ url: sandbox.wsUrl, token: 'demo-bot-token' });
 * await bot.ready;
 * bot.close();
 */
export function startBot(options: BotOptions): Bot {
  const log = options.log ?? ((m: string) => console.log(`bot: ${m}`));
  const typingMs = options.typingMs ?? defaultTyping;
  const takeoverMs = options.takeoverMs === undefined ? 30_000 : options.takeoverMs;
  const client = createAgentClient({
    url: options.url,
    token: options.token,
    connect: options.connect ?? ((u) => new WebSocket(u) as unknown as AgentSocket),
    login: { application: { name: 'Chatlet demo bot', version: '1' } },
  });
  const memories = new Map<string, BotMemory>();
  const outbox = new Map<string, Promise<void>>();
  const joining = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let botId = '';
  let closed = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const answering = (chatId: string): boolean => !closed && memories.get(chatId)?.quiet === false;

  const say = async (chatId: string, replies: BotReply[]): Promise<void> => {
    try {
      for (const reply of replies) {
        if (!answering(chatId)) return;
        await client.request('send_typing_indicator', { chat_id: chatId, is_typing: true });
        await wait(typingMs(reply));
        if (!answering(chatId)) return;
        await client.request('send_event', { chat_id: chatId, event: { ...reply, recipients: 'all' } });
      }
    } finally {
      if (!closed && client.state === 'online') {
        await client.request('send_typing_indicator', { chat_id: chatId, is_typing: false }).catch(() => undefined);
      }
    }
  };

  // Replies of one chat go out in order; a failure (chat closed meanwhile) only ends that batch.
  const enqueue = (chatId: string, replies: BotReply[]): void => {
    if (replies.length === 0) return;
    const next = (outbox.get(chatId) ?? Promise.resolve())
      .then(() => say(chatId, replies))
      .catch((error: Error) => log(`could not answer chat ${chatId}: ${error.message}`));
    outbox.set(chatId, next);
  };

  const handle = (chatId: string, input: BotInput): void => {
    const memory = memories.get(chatId);
    if (!memory) return;
    const { memory: next, replies } = respond(memory, input);
    memories.set(chatId, next);
    if (next.quiet && !memory.quiet) log(`a human took over chat ${chatId}; going quiet`);
    enqueue(chatId, replies);
  };

  client.onLogin((payload) => {
    botId = String(payload.my_profile?.id ?? '');
    // After a reconnect: keep answering the chats we were in, without greeting again.
    for (const s of (payload.chats_summary ?? []) as Json[]) {
      const last = s.last_thread_summary;
      if (memories.has(s.id) || !last?.active || !last.user_ids?.includes(botId)) continue;
      const customerId = (s.users as Json[] | undefined)?.find((u) => u.type === 'customer')?.id ?? '';
      memories.set(s.id, { chatId: s.id, threadId: last.id, customerId, quiet: false, buttons: {}, acknowledged: [] });
    }
  });

  client.on('incoming_chat_thread', ({ chat }) => {
    const snapshot = chat as ChatSnapshot;
    const thread = snapshot?.thread;
    if (!thread?.active || !thread.user_ids?.includes(botId) || memories.get(snapshot.id)?.threadId === thread.id) return;
    const { memory, replies } = greet(snapshot);
    memories.set(snapshot.id, memory);
    log(`answering chat ${snapshot.id}${memory.name ? ` with ${memory.name}` : ''}`);
    enqueue(snapshot.id, replies);
  });
  client.on('incoming_event', ({ chat_id, thread_id, event }) => {
    if (memories.get(chat_id)?.threadId !== thread_id && thread_id !== undefined) return;
    if (event && typeof event === 'object') handle(chat_id, { kind: 'event', event, authorIsBot: event.author_id === botId });
  });
  client.on('incoming_rich_message_postback', ({ chat_id, user_id, postback }) => {
    if (typeof postback?.id !== 'string') return;
    handle(chat_id, { kind: 'postback', userId: user_id, postbackId: postback.id, toggled: postback.toggled === true });
  });
  client.on('thread_closed', ({ chat_id }) => memories.delete(chat_id));
  client.on('chat_user_removed', ({ chat_id, user_id }) => {
    if (user_id === botId) memories.delete(chat_id);
  });

  const poll = async (): Promise<void> => {
    if (client.state !== 'online' || takeoverMs === null) return;
    const { chats } = await client.request<{ chats: Array<{ chat: ChatSnapshot }> }>('get_chats_summary', { pagination: { limit: 100 } });
    const ids = waitingChats(chats.map((c) => c.chat), { botId, now: Date.now(), afterMs: takeoverMs });
    for (const id of ids.filter((i) => !joining.has(i))) {
      joining.add(id);
      log(`nobody answered chat ${id}; joining it`);
      client
        .request('add_user_to_chat', { chat_id: id, user_id: botId, user_type: 'agent' })
        .catch((error: Error) => log(`could not join chat ${id}: ${error.message}`))
        .finally(() => joining.delete(id));
    }
  };
  const schedulePoll = (): void => {
    pollTimer = setTimeout(() => {
      poll()
        .catch((error: Error) => log(`could not list chats: ${error.message}`))
        .finally(() => closed || schedulePoll());
    }, options.pollMs ?? 3_000);
  };
  if (takeoverMs !== null) schedulePoll();

  const ready = new Promise<void>((resolve, reject) => {
    const offLogin = client.onLogin(() => {
      offLogin();
      resolve();
    });
    client.onState((state, error) => {
      if (state === 'closed' && error) reject(error);
    });
  });
  ready.catch((error: Error) => log(`stopped: ${error.message}`));

  return {
    ready,
    client,
    close() {
      closed = true;
      clearTimeout(pollTimer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      client.close();
    },
  };
}
