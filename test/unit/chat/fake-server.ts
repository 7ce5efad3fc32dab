// A few lines of "LiveChat" behind the fake client: one customer, one chat, seed-shaped answers and
// the pushes the real server sends (released v3.1 IDs-only responses, pushes before the response).
import type { ChatEvent, Greeting, LoginResponse, NewEvent, Thread } from '../../../src/protocol/types';
import type { FakeClient } from './fake-client';

export const ME = 'customer-1';
export const AGENT = 'agent@example.com';
export const CHAT_ID = 'CHAT1';

export function createFakeServer(fake: FakeClient, options: { groupOnline?: boolean; greeting?: Greeting } = {}) {
  const threads: Thread[] = [];
  let eventSeq = 0;
  let threadSeq = 0;
  const users = [
    { id: ME, type: 'customer' as const },
    { id: AGENT, type: 'agent' as const, name: 'Ann', present: true },
  ];
  const last = () => threads.at(-1);
  const stamp = (e: NewEvent, authorId = ME): ChatEvent =>
    ({ ...e, id: `E${++eventSeq}`, order: eventSeq, author_id: authorId, created_at: new Date(Date.now() + eventSeq).toISOString() }) as ChatEvent;
  const newThread = (events: NewEvent[]): Thread => {
    const thread: Thread = { id: `T${++threadSeq}`, order: threadSeq, active: true, user_ids: [ME, AGENT], events: events.map((e) => stamp(e)) };
    threads.push(thread);
    fake.push('incoming_chat_thread', { chat: { id: CHAT_ID, order: 1, users, thread } });
    return thread;
  };

  const server = {
    threads,
    login(): LoginResponse {
      return {
        customer_id: ME,
        has_active_thread: last()?.active ?? false,
        chats: threads.length ? [{ chat_id: CHAT_ID, has_unread_events: false }] : [],
        __priv_dynamic_config: { online_groups_ids: options.groupOnline === false ? [] : [0], ...(options.greeting && { greeting: options.greeting }) },
      };
    },
    /** An event the server holds without the client having been told (e.g. sent just before a drop). */
    store(event: NewEvent, authorId = ME): ChatEvent {
      const e = stamp(event, authorId);
      last()!.events!.push(e);
      return e;
    },
    /** An agent writes: stored and pushed. */
    agentSays(text: string): ChatEvent {
      const e = server.store({ type: 'message', text }, AGENT);
      fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: last()!.id, event: e });
      return e;
    },
    close() {
      last()!.active = false;
      fake.push('thread_closed', { chat_id: CHAT_ID, thread_id: last()!.id });
    },
    /** Seeds closed history threads with `count` events each. */
    history(...counts: number[]) {
      for (const count of counts) {
        const thread = newThread(Array.from({ length: count }, (_, i) => ({ type: 'message' as const, text: `old ${threadSeq + 1}.${i}` })));
        thread.active = false;
      }
    },
  };

  fake.handle('get_chats_summary', () => ({
    chats_summary: threads.length ? [{ id: CHAT_ID, order: 1, last_thread_id: last()!.id, users, properties: {}, access: {} }] : [],
    total_chats: threads.length ? 1 : 0,
  }));
  fake.handle('get_chat_threads', ({ chat_id, thread_ids }) => ({
    chat: { id: chat_id, order: 1, users, properties: {}, access: {}, threads: threads.filter((t) => thread_ids?.includes(t.id)).map((t) => structuredClone(t)) },
  }));
  fake.handle('get_chat_threads_summary', ({ offset = 0, limit = 25 }) => ({
    threads_summary: threads.slice().reverse().slice(offset, offset + limit).map((t) => ({ id: t.id, order: t.order, total_events: t.events!.length })),
    total_threads: threads.length,
  }));
  fake.handle('start_chat', ({ chat }) => {
    const thread = newThread(chat?.thread?.events ?? []);
    return { chat_id: CHAT_ID, thread_id: thread.id, event_ids: thread.events!.map((e) => e.id) };
  });
  fake.handle('activate_chat', ({ chat }) => {
    const thread = newThread(chat.thread?.events ?? []);
    return { thread_id: thread.id, event_ids: thread.events!.map((e) => e.id) };
  });
  fake.handle('send_event', ({ event }) => {
    const thread = last();
    if (!thread?.active) throw Object.assign(new Error('Chat is inactive'), { type: 'validation' });
    const e = server.store(event);
    fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: thread.id, event: e });
    return { event_id: e.id };
  });
  fake.handle('close_thread', () => {
    server.close();
    return {};
  });
  fake.handle('send_sneak_peek', () => ({}));
  fake.handle('send_rich_message_postback', () => ({}));
  fake.handle('update_chat_thread_properties', () => ({}));
  fake.handle('update_last_seen_timestamp', () => ({ timestamp: Math.floor(Date.now() / 1000) }));
  fake.handle('get_form', ({ type }) =>
    type === 'prechat'
      ? { enabled: true, form: { id: 'F1', fields: [{ id: 'n', type: 'name' as const, label: 'Name:', required: true }] } }
      : { enabled: false },
  );
  return server;
}
