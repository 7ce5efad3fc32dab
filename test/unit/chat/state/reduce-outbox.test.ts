import { describe, expect, it } from 'vitest';
import { reduce } from '../../../../src/chat/state/reduce';
import { CHAT, ME, THREAD, added, entry, loggedIn, message, run, timelineOf } from './builders';

const view = (state: ReturnType<typeof loggedIn>) => timelineOf(state).map((i) => [i.key, i.status]);
const queued = (...entries: ReturnType<typeof entry>[]) => ({ type: 'send_queued', entries }) as const;

describe('reduce: the outbox', () => {
  it('shows a queued entry as pending, own, with its text, after the server events', () => {
    const state = run(loggedIn([message('e1', { order: 1 })]), queued(entry('c1', 'hello')));
    const items = timelineOf(state);
    expect(items.map((i) => [i.key, i.status, i.isOwn])).toEqual([
      ['e1', 'sent', false],
      ['local:c1', 'pending', true],
    ]);
    expect(items[1]!.event).toMatchObject({ type: 'message', text: 'hello', custom_id: 'c1', author_id: ME });
  });

  it('replaces the entry by the server event with the same custom_id', () => {
    const state = run(loggedIn(), queued(entry('c1')), added([message('e9', { order: 1, author_id: ME, custom_id: 'c1', text: 'typed c1' })]));
    expect(state.outbox).toEqual([]);
    expect(view(state)).toEqual([['e9', 'sent']]);
    expect(timelineOf(state)[0]!.isOwn).toBe(true);
  });

  it('keeps a confirmed entry (IDs-only answer) as sent until its event arrives by id', () => {
    const confirmed = run(loggedIn(), queued(entry('c1')), { type: 'event_confirmed', customId: 'c1', chatId: CHAT, threadId: THREAD, eventId: 'e9' });
    expect(view(confirmed)).toEqual([['local:c1', 'sent']]);
    // The server's copy may lack custom_id: the id the confirmation named reconciles it.
    const echoed = reduce(confirmed, added([message('e9', { order: 1, author_id: ME })]));
    expect(view(echoed)).toEqual([['e9', 'sent']]);
  });

  it('ignores a confirmation or a failure that arrives after the echo', () => {
    const echoed = run(loggedIn(), queued(entry('c1')), added([message('e9', { order: 1, author_id: ME, custom_id: 'c1' })]));
    expect(reduce(echoed, { type: 'event_confirmed', customId: 'c1', chatId: CHAT, eventId: 'e9' })).toBe(echoed);
    expect(reduce(echoed, { type: 'send_failed', customIds: ['c1'], error: 'x' })).toBe(echoed);
  });

  it('fails, keeps the text, and goes back to the queue on retry', () => {
    const failed = run(loggedIn(), queued(entry('c1', 'do not lose me')), { type: 'send_failed', customIds: ['c1'], error: 'validation' });
    expect(view(failed)).toEqual([['local:c1', 'failed']]);
    expect(failed.outbox[0]).toMatchObject({ error: 'validation', event: { text: 'do not lose me' } });
    const retried = reduce(failed, { type: 'send_retried', customId: 'c1' });
    expect(retried.outbox[0]).toMatchObject({ status: 'queued', event: { text: 'do not lose me' } });
  });

  it('retrying an entry also retries the failed entries before it, not those after', () => {
    const failed = run(
      loggedIn(),
      queued(entry('c1'), entry('c2'), entry('c3')),
      { type: 'send_failed', customIds: ['c1', 'c2', 'c3'], error: 'group_offline' },
      { type: 'send_retried', customId: 'c2' },
    );
    expect(failed.outbox.map((s) => s.status)).toEqual(['queued', 'queued', 'failed']);
    expect(reduce(failed, { type: 'send_retried', customId: 'unknown' })).toBe(failed);
  });

  it('drops restored entries the server already has and keeps the rest in order', () => {
    const state = run(loggedIn([message('e1', { order: 1, author_id: ME, custom_id: 'c1' })]), queued(entry('c1'), entry('c2'), entry('c3')));
    expect(state.outbox.map((s) => s.customId)).toEqual(['c2', 'c3']);
  });

  it('drops queued entries that fetched events show were delivered', () => {
    const state = run(loggedIn(), queued(entry('c1'), entry('c2')), added([message('e1', { order: 1, author_id: ME, custom_id: 'c1' })], THREAD, false));
    expect(state.outbox.map((s) => s.customId)).toEqual(['c2']);
  });

  it('does not queue the same custom_id twice, also within one change', () => {
    const once = run(loggedIn(), queued(entry('c1'), entry('c1')));
    expect(once.outbox).toHaveLength(1);
    expect(reduce(once, queued(entry('c1')))).toBe(once);
  });

  it("shows another chat's entry nowhere but there", () => {
    const state = run(loggedIn(), queued({ ...entry('c1'), status: 'sent', chatId: 'OTHER' }));
    expect(view(state)).toEqual([]);
  });
});
