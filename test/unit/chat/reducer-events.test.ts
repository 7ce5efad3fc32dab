import { describe, expect, it } from 'vitest';
import { initialChatState } from '../../../src/chat/chat-state';
import { reduce } from '../../../src/chat/reducer';
import { selectIsChatActive, selectTimeline } from '../../../src/chat/selectors';
import { CHAT, THREAD, chat, incoming, loggedIn, message, push, run, thread } from './builders';

const ids = (state: ReturnType<typeof loggedIn>) => selectTimeline(state).map((i) => i.key);

describe('reduce: events', () => {
  it('keeps one copy of an event pushed twice, and a duplicate changes nothing', () => {
    const once = run(loggedIn(), incoming(message('e1', { order: 1 })));
    const twice = reduce(once, incoming(message('e1', { order: 1 })));
    expect(twice).toBe(once);
    expect(ids(twice)).toEqual(['e1']);
  });

  it('replaces an event by id with the newer copy (event_updated)', () => {
    const state = run(
      loggedIn([message('e1', { order: 1, text: 'old' })]),
      push('event_updated', { chat_id: CHAT, thread_id: THREAD, event: message('e1', { order: 1, text: 'new' }) }),
    );
    expect(selectTimeline(state).map((i) => (i.event.type === 'message' ? i.event.text : ''))).toEqual(['new']);
  });

  it('orders events by order whatever order they arrive in, never by timestamp', () => {
    const state = run(
      loggedIn(),
      incoming(message('c', { order: 3, timestamp: 100 })),
      incoming(message('a', { order: 1, timestamp: 300 })),
      incoming(message('b', { order: 2, timestamp: 200 })),
    );
    expect(ids(state)).toEqual(['a', 'b', 'c']);
  });

  it('falls back to created_at when events have no order, including mixed precision', () => {
    const state = run(
      loggedIn(),
      incoming(message('late', { created_at: '2019-09-17T10:00:02.000001Z' })),
      incoming(message('early', { created_at: '2019-09-17T10:00:01.999999Z' })),
      incoming(message('middle', { created_at: '2019-09-17T10:00:02Z' })),
    );
    expect(ids(state)).toEqual(['early', 'middle', 'late']);
  });

  it('keeps arrival order for events with neither order nor created_at', () => {
    const state = run(loggedIn(), incoming(message('x')), incoming(message('y')), incoming(message('w')));
    expect(ids(state)).toEqual(['x', 'y', 'w']);
  });

  it('orders threads by order, so history fetched later lands before the live thread', () => {
    const state = run(
      loggedIn([message('new', { order: 1 })]),
      { type: 'chat_fetched', chat: chat([thread('OLD', 0, [message('old', { order: 1 })], { active: false })]) },
    );
    expect(ids(state)).toEqual(['old', 'new']);
    expect(state.chats[CHAT]!.lastThreadId).toBe(THREAD);
    expect(selectIsChatActive(state)).toBe(true);
  });

  it('lands an event that overtakes its incoming_chat_thread push, then merges the thread', () => {
    const first = run(initialChatState(0), incoming(message('e2', { order: 2 }), 'T2'));
    expect(first.currentChatId).toBe(CHAT);
    const state = reduce(
      first,
      push('incoming_chat_thread', { chat: { ...chat([]), threads: undefined, thread: thread('T2', 7, [message('e1', { order: 1 })]) } }),
    );
    expect(ids(state)).toEqual(['e1', 'e2']);
    expect(state.chats[CHAT]!.threads.T2!.order).toBe(7);
    expect(selectIsChatActive(state)).toBe(true);
  });

  it('keeps a thread closed when a stale copy saying active arrives after thread_closed', () => {
    const closed = run(loggedIn(), push('thread_closed', { chat_id: CHAT, thread_id: THREAD }));
    expect(selectIsChatActive(closed)).toBe(false);
    const stale = run(
      closed,
      push('incoming_chat_thread', { chat: { ...chat([]), threads: undefined, thread: thread(THREAD, 1) } }),
      { type: 'chat_fetched', chat: chat([thread(THREAD, 1)]) },
    );
    expect(selectIsChatActive(stale)).toBe(false);
  });

  it('a new thread after a close makes the chat active again, even if the close arrives late', () => {
    const state = run(
      loggedIn(),
      push('incoming_chat_thread', { chat: { ...chat([]), threads: undefined, thread: thread('T2', 2) } }),
      push('thread_closed', { chat_id: CHAT, thread_id: THREAD }),
    );
    expect(state.chats[CHAT]!.lastThreadId).toBe('T2');
    expect(selectIsChatActive(state)).toBe(true);
  });

  it('hides events meant for agents only', () => {
    const state = run(loggedIn(), incoming(message('note', { order: 1, recipients: 'agents' })), incoming(message('hi', { order: 2 })));
    expect(ids(state)).toEqual(['hi']);
  });

  it('puts an incoming_event without thread_id into the last thread', () => {
    const state = run(loggedIn(), push('incoming_event', { chat_id: CHAT, event: message('e1', { order: 1 }) }));
    expect(state.chats[CHAT]!.threads[THREAD]!.events.map((e) => e.id)).toEqual(['e1']);
  });

  it('drops malformed events instead of storing them', () => {
    const state = loggedIn();
    const bad = [{ type: 'message', text: 'no id' }, null, 'x', { id: 5, type: 'message' }];
    for (const event of bad) {
      expect(reduce(state, push('incoming_event', { chat_id: CHAT, thread_id: THREAD, event: event as never }))).toBe(state);
    }
  });
});
