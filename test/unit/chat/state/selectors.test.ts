import { describe, expect, it } from 'vitest';
import { initialChatState } from '../../../../src/chat/state/chat-state';
import { selectAvailability, selectCanSend, selectCustomerStatus, selectGreeting, selectHasOlder, selectUnreadCount } from '../../../../src/chat/state/selectors';
import { AGENT, CHAT, ME, THREAD, login, loggedIn, message, run, threadOf } from './builders';

const prechat = { type: 'form_loaded' as const, formType: 'prechat' as const, enabled: true, form: { id: 'F', fields: [] } };
const closed = { type: 'thread_closed', chatId: CHAT, threadId: THREAD } as const;

describe('selectors', () => {
  it('selectCanSend: closed connection, offline group without an active chat, prechat before the first chat', () => {
    expect(selectCanSend(loggedIn(), 'closed')).toEqual({ canSend: false, reason: 'connection_closed' });
    // An active chat keeps working while the group goes offline; a closed one cannot be reopened.
    expect(selectCanSend(loggedIn([], false), 'online')).toEqual({ canSend: true, reason: null });
    expect(selectCanSend(run(loggedIn([], false), closed), 'online')).toEqual({ canSend: false, reason: 'group_offline' });
    const fresh = run(initialChatState(0), login({ chats: [] }), prechat);
    expect(selectCanSend(fresh, 'online')).toEqual({ canSend: false, reason: 'prechat_required' });
    // Sending while reconnecting is fine: the outbox keeps the text.
    expect(selectCanSend(loggedIn(), 'reconnecting')).toEqual({ canSend: true, reason: null });
  });

  it('selectAvailability is unknown before login', () => {
    expect(selectAvailability(initialChatState(3))).toBe('unknown');
  });

  it('selectCustomerStatus: chatting with an agent, queued without one, browsing otherwise', () => {
    expect(selectCustomerStatus(loggedIn())).toBe('chatting');
    const queued = run(initialChatState(0), { type: 'chat_updated', chatId: CHAT, userIds: [ME] }, threadOf(THREAD, 1));
    expect(selectCustomerStatus(queued)).toBe('queued');
    expect(selectCustomerStatus(run(loggedIn(), closed))).toBe('browsing');
  });

  it('selectGreeting: the login’s greeting, unless dismissed or a chat is going on; the visitor is invited by it', () => {
    const greeting = { id: 1, unique_id: 'G1', text: 'Hi!', agent: { id: AGENT } as never };
    const offered = run(initialChatState(0), login({ greeting, chats: [] }));
    expect(selectGreeting(offered)).toBe(greeting);
    expect(selectCustomerStatus(offered)).toBe('invited');
    const dismissed = run(offered, { type: 'greeting_dismissed', uniqueId: 'G1' });
    expect([selectGreeting(dismissed), selectCustomerStatus(dismissed)]).toEqual([null, 'browsing']);
    // Another greeting at the next login is offered.
    const next = run(dismissed, login({ greeting: { ...greeting, id: 2, unique_id: 'G2' }, chats: [] }));
    expect(selectGreeting(next)?.unique_id).toBe('G2');
    // An active chat: chatting or queued, no greeting.
    const chatting = run(loggedIn(), login({ greeting }));
    expect([selectGreeting(chatting), selectCustomerStatus(chatting)]).toEqual([null, 'chatting']);
  });

  it('selectHasOlder follows the loaded threads and the summary total', () => {
    const state = loggedIn();
    expect(selectHasOlder(state)).toBe(true);
    const listed = { type: 'threads_listed' as const, chatId: CHAT, summaries: [{ id: THREAD, order: 1, total_events: 0 }], total: 1 };
    expect(selectHasOlder(run(state, listed))).toBe(false);
  });

  it('selectUnreadCount falls back to the customer’s own last message, then to the login hint', () => {
    const events = [message('q', { order: 1, timestamp: 10, author_id: ME }), message('a', { order: 2, timestamp: 20, author_id: AGENT })];
    expect(selectUnreadCount(loggedIn(events))).toBe(1);
    const hinted = run(initialChatState(0), login({ chats: [{ id: CHAT, unread: true }] }));
    expect(selectUnreadCount(hinted)).toBe(1);
  });
});
