import { describe, expect, it } from 'vitest';
import { initialChatState } from '../../../../src/chat/state/chat-state';
import { reduce } from '../../../../src/chat/state/reduce';
import { CHAT, THREAD, added, loggedIn, message, run, threadOf, timelineOf } from './builders';

const ids = (state: ReturnType<typeof loggedIn>) => timelineOf(state).map((i) => i.key);
const active = (state: ReturnType<typeof loggedIn>) => state.chats[state.currentChatId!]?.active === true;

describe('reduce: events', () => {
  it('keeps one copy of an event added twice, and a duplicate changes nothing', () => {
    const once = run(loggedIn(), added([message('e1', { order: 1 })]));
    const twice = reduce(once, added([message('e1', { order: 1 })]));
    expect(twice).toBe(once);
    expect(ids(twice)).toEqual(['e1']);
  });

  it('replaces an event by id with the newer copy', () => {
    const state = run(loggedIn([message('e1', { order: 1, text: 'old' })]), added([message('e1', { order: 1, text: 'new' })], THREAD, false));
    expect(timelineOf(state).map((i) => (i.event.type === 'message' ? i.event.text : ''))).toEqual(['new']);
  });

  it('orders events by order whatever order they arrive in, never by timestamp', () => {
    const state = run(
      loggedIn(),
      added([message('c', { order: 3, timestamp: 100 })]),
      added([message('a', { order: 1, timestamp: 300 })]),
      added([message('b', { order: 2, timestamp: 200 })]),
    );
    expect(ids(state)).toEqual(['a', 'b', 'c']);
  });

  it('falls back to created_at when events have no order, including mixed precision', () => {
    const state = run(
      loggedIn(),
      added([message('late', { created_at: '2019-09-17T10:00:02.000001Z' })]),
      added([message('early', { created_at: '2019-09-17T10:00:01.999999Z' })]),
      added([message('middle', { created_at: '2019-09-17T10:00:02Z' })]),
    );
    expect(ids(state)).toEqual(['early', 'middle', 'late']);
  });

  it('keeps arrival order for events with neither order nor created_at', () => {
    const state = run(loggedIn(), added([message('x')]), added([message('y')]), added([message('w')]));
    expect(ids(state)).toEqual(['x', 'y', 'w']);
  });

  it('orders threads by order, so history fetched later lands before the live thread', () => {
    const state = run(loggedIn([message('new', { order: 1 })]), threadOf('OLD', 0, false), added([message('old', { order: 1 })], 'OLD', false));
    expect(ids(state)).toEqual(['old', 'new']);
    expect(state.chats[CHAT]!.lastThreadId).toBe(THREAD);
    expect(active(state)).toBe(true);
  });

  it('lands an event that overtakes the thread it belongs to, then takes in the thread', () => {
    const first = run(initialChatState(0), added([message('e2', { order: 2 })], 'T2'));
    expect(first.currentChatId).toBe(CHAT);
    const state = run(first, threadOf('T2', 7), added([message('e1', { order: 1 })], 'T2'), { type: 'thread_opened', chatId: CHAT });
    expect(ids(state)).toEqual(['e1', 'e2']);
    expect(state.chats[CHAT]!.threads.T2!.order).toBe(7);
    expect(active(state)).toBe(true);
  });

  it('keeps a thread closed when a stale copy saying active arrives after thread_closed', () => {
    const closed = run(loggedIn(), { type: 'thread_closed', chatId: CHAT, threadId: THREAD });
    expect(active(closed)).toBe(false);
    expect(active(run(closed, threadOf(THREAD, 1, true), { type: 'thread_opened', chatId: CHAT }))).toBe(false);
  });

  it('a new thread after a close makes the chat active again, even if the close arrives late', () => {
    const state = run(loggedIn(), threadOf('T2', 2), { type: 'thread_opened', chatId: CHAT, threadId: 'T2' }, { type: 'thread_closed', chatId: CHAT, threadId: THREAD });
    expect(state.chats[CHAT]!.lastThreadId).toBe('T2');
    expect(active(state)).toBe(true);
  });

  it('hides events meant for agents only', () => {
    const state = run(loggedIn(), added([message('note', { order: 1, recipients: 'agents' })]), added([message('hi', { order: 2 })]));
    expect(ids(state)).toEqual(['hi']);
  });

  it('puts events without a thread into the last thread, and nowhere without one', () => {
    const state = run(loggedIn(), added([message('e1', { order: 1 })], null));
    expect(state.chats[CHAT]!.threads[THREAD]!.events.map((e) => e.id)).toEqual(['e1']);
    const empty = initialChatState(0);
    expect(reduce(empty, added([message('e1')], null))).toBe(empty);
  });
});
