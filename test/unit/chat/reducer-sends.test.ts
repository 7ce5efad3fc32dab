import { describe, expect, it } from 'vitest';
import type { LocalSend } from '../../../src/chat/chat-state';
import { reduce } from '../../../src/chat/reducer';
import { selectTimeline } from '../../../src/chat/selectors';
import { CHAT, ME, THREAD, chat, incoming, loggedIn, message, run, thread } from './builders';

const send = (customId: string, text = `typed ${customId}`): LocalSend => ({
  customId,
  event: { type: 'message', text, custom_id: customId, recipients: 'all' },
  status: 'queued',
  createdAt: Date.UTC(2024, 0, 1),
});

const view = (state: ReturnType<typeof loggedIn>) => selectTimeline(state).map((i) => [i.key, i.status]);

describe('reduce: optimistic sends', () => {
  it('shows a queued send as pending, own, with its text, after the server events', () => {
    const state = run(loggedIn([message('e1', { order: 1 })]), { type: 'send_queued', send: send('c1', 'hello') });
    const items = selectTimeline(state);
    expect(items.map((i) => [i.key, i.status, i.isOwn])).toEqual([
      ['e1', 'sent', false],
      ['local:c1', 'pending', true],
    ]);
    expect(items[1]!.event).toMatchObject({ type: 'message', text: 'hello', custom_id: 'c1', author_id: ME });
  });

  it('replaces the pending send by the server event with the same custom_id', () => {
    const state = run(
      loggedIn(),
      { type: 'send_queued', send: send('c1') },
      { type: 'sends_started', customIds: ['c1'] },
      incoming(message('e9', { order: 1, author_id: ME, custom_id: 'c1', text: 'typed c1' })),
    );
    expect(state.localSends).toEqual([]);
    expect(view(state)).toEqual([['e9', 'sent']]);
    expect(selectTimeline(state)[0]!.isOwn).toBe(true);
  });

  it('keeps an acknowledged send (IDs-only response) as sent until its event arrives by id', () => {
    const acked = run(
      loggedIn(),
      { type: 'send_queued', send: send('c1') },
      { type: 'sends_started', customIds: ['c1'] },
      { type: 'send_acked', customId: 'c1', chatId: CHAT, threadId: THREAD, eventId: 'e9' },
    );
    expect(view(acked)).toEqual([['local:c1', 'sent']]);
    // The server's copy may lack custom_id: the id the ack named reconciles it.
    const echoed = reduce(acked, incoming(message('e9', { order: 1, author_id: ME })));
    expect(view(echoed)).toEqual([['e9', 'sent']]);
  });

  it('ignores an ack or a failure that arrives after the echo', () => {
    const echoed = run(
      loggedIn(),
      { type: 'send_queued', send: send('c1') },
      incoming(message('e9', { order: 1, author_id: ME, custom_id: 'c1' })),
    );
    expect(reduce(echoed, { type: 'send_acked', customId: 'c1', chatId: CHAT, eventId: 'e9' })).toBe(echoed);
    expect(reduce(echoed, { type: 'sends_failed', customIds: ['c1'], error: 'x' })).toBe(echoed);
  });

  it('fails, keeps the text, and goes back to the queue on retry', () => {
    const failed = run(
      loggedIn(),
      { type: 'send_queued', send: send('c1', 'do not lose me') },
      { type: 'sends_started', customIds: ['c1'] },
      { type: 'sends_failed', customIds: ['c1'], error: 'validation' },
    );
    expect(view(failed)).toEqual([['local:c1', 'failed']]);
    expect(failed.localSends[0]).toMatchObject({ error: 'validation', event: { text: 'do not lose me' } });
    const retried = reduce(failed, { type: 'send_retried', customId: 'c1' });
    expect(retried.localSends[0]).toMatchObject({ status: 'queued', event: { text: 'do not lose me' } });
  });

  it('retrying a send also retries the failed sends before it, not those after', () => {
    const failed = run(
      loggedIn(),
      { type: 'send_queued', send: send('c1') },
      { type: 'send_queued', send: send('c2') },
      { type: 'send_queued', send: send('c3') },
      { type: 'sends_failed', customIds: ['c1', 'c2', 'c3'], error: 'group_offline' },
      { type: 'send_retried', customId: 'c2' },
    );
    expect(failed.localSends.map((s) => s.status)).toEqual(['queued', 'queued', 'failed']);
    expect(reduce(failed, { type: 'send_retried', customId: 'unknown' })).toBe(failed);
  });

  it('requeues only in-flight sends when the link drops', () => {
    const state = run(
      loggedIn(),
      { type: 'send_queued', send: send('c1') },
      { type: 'send_queued', send: send('c2') },
      { type: 'sends_started', customIds: ['c1'] },
      { type: 'sends_requeued', customIds: ['c1', 'c2'] },
    );
    expect(state.localSends.map((s) => s.status)).toEqual(['queued', 'queued']);
  });

  it('drops restored outbox entries the server already has and keeps the rest in order', () => {
    const state = run(
      loggedIn([message('e1', { order: 1, author_id: ME, custom_id: 'c1' })]),
      { type: 'sends_restored', sends: [send('c1'), send('c2'), send('c3')] },
    );
    expect(state.localSends.map((s) => s.customId)).toEqual(['c2', 'c3']);
  });

  it('drops queued sends that a resync fetch shows were delivered', () => {
    const state = run(
      loggedIn(),
      { type: 'sends_restored', sends: [send('c1'), send('c2')] },
      { type: 'chat_fetched', chat: chat([thread(THREAD, 1, [message('e1', { order: 1, author_id: ME, custom_id: 'c1' })])]) },
    );
    expect(state.localSends.map((s) => s.customId)).toEqual(['c2']);
  });

  it('does not queue the same custom_id twice', () => {
    const once = run(loggedIn(), { type: 'send_queued', send: send('c1') });
    expect(reduce(once, { type: 'send_queued', send: send('c1') })).toBe(once);
  });

  it('shows a local send of another chat nowhere but there', () => {
    const state = run(loggedIn(), { type: 'send_queued', send: { ...send('c1'), status: 'sent', chatId: 'OTHER' } });
    expect(view(state)).toEqual([]);
  });
});
