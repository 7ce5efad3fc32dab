import { describe, expect, it } from 'vitest';
import { initialChatState } from '../../../src/chat/chat-state';
import {
  selectAvailability,
  selectCanSend,
  selectChatData,
  selectCustomerStatus,
  selectHasOlder,
  selectUnreadCount,
} from '../../../src/chat/selectors';
import { AGENT, CHAT, ME, THREAD, chat, loggedIn, message, push, run, thread } from './builders';

const prechat = { type: 'form_loaded' as const, formType: 'prechat' as const, enabled: true, form: { id: 'F', fields: [] } };

describe('selectors', () => {
  it('selectCanSend: closed connection, offline group without an active chat, prechat before the first chat', () => {
    expect(selectCanSend(run(loggedIn(), { type: 'connection_changed', state: 'closed' }))).toEqual({ canSend: false, reason: 'connection_closed' });
    // An active chat keeps working while the group goes offline; a closed one cannot be reopened.
    expect(selectCanSend(loggedIn([], false))).toEqual({ canSend: true, reason: null });
    const closed = run(loggedIn([], false), push('thread_closed', { chat_id: CHAT, thread_id: THREAD }));
    expect(selectCanSend(closed)).toEqual({ canSend: false, reason: 'group_offline' });
    const fresh = run(initialChatState(0), { type: 'logged_in', response: { customer_id: ME, chats: [], __priv_dynamic_config: { online_groups_ids: [0] } } }, prechat);
    expect(selectCanSend(fresh)).toEqual({ canSend: false, reason: 'prechat_required' });
    // Sending while reconnecting is fine: the outbox keeps the text.
    expect(selectCanSend(run(loggedIn(), { type: 'connection_changed', state: 'reconnecting' }))).toEqual({ canSend: true, reason: null });
  });

  it('selectAvailability is unknown before login', () => {
    expect(selectAvailability(initialChatState(3))).toBe('unknown');
  });

  it('selectCustomerStatus: chatting with an agent, queued without one, browsing otherwise', () => {
    expect(selectCustomerStatus(loggedIn())).toBe('chatting');
    const queued = run(initialChatState(0), { type: 'chat_fetched', chat: chat([thread(THREAD, 1)], { users: [{ id: ME, type: 'customer' }] }) });
    expect(selectCustomerStatus(queued)).toBe('queued');
    expect(selectCustomerStatus(run(loggedIn(), push('thread_closed', { chat_id: CHAT, thread_id: THREAD })))).toBe('browsing');
  });

  it('selectChatData and selectHasOlder follow the loaded threads and the summary total', () => {
    const state = loggedIn();
    expect(selectChatData(state)).toEqual({ chatId: CHAT, threadId: THREAD });
    expect(selectChatData(initialChatState(0))).toBeNull();
    expect(selectHasOlder(state)).toBe(true);
    const summary = { type: 'threads_summary' as const, chatId: CHAT, summaries: [{ id: THREAD, order: 1, total_events: 0 }], total: 1 };
    expect(selectHasOlder(run(state, summary))).toBe(false);
  });

  it('selectUnreadCount falls back to the customer’s own last message, then to the login hint', () => {
    const events = [message('q', { order: 1, timestamp: 10, author_id: ME }), message('a', { order: 2, timestamp: 20, author_id: AGENT })];
    expect(selectUnreadCount(loggedIn(events))).toBe(1);
    const hinted = run(initialChatState(0), {
      type: 'logged_in',
      response: { customer_id: ME, chats: [{ chat_id: CHAT, has_unread_events: true }] },
    });
    expect(selectUnreadCount(hinted)).toBe(1);
  });
});
