import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../src/chat/state/chat-state';
import { reduce } from '../../../../src/chat/state/reduce';
import { ME, added, entry, loggedIn, run, timelineOf } from './builders';

const fileEntry = (customId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  customId,
  event: { type: 'file', url: '', custom_id: customId, recipients: 'all' },
  file: { name: `${customId}.pdf`, type: 'application/pdf', size: 1234 },
  status: 'queued',
  createdAt: Date.UTC(2024, 0, 1),
  ...extra,
});
const queued = (...entries: OutboxEntry[]) => ({ type: 'send_queued', entries }) as const;

describe('reduce: files in the outbox', () => {
  it("shows a file waiting as the visitor's own file event, with its name, type and size, and the URL once uploaded", () => {
    const state = run(loggedIn(), queued(fileEntry('f1')));
    const [item] = timelineOf(state);
    expect(item).toMatchObject({ key: 'local:f1', status: 'pending', isOwn: true, customId: 'f1' });
    expect(item!.event).toMatchObject({ type: 'file', url: '', name: 'f1.pdf', content_type: 'application/pdf', size: 1234, custom_id: 'f1', author_id: ME });
    const uploaded = reduce(state, { type: 'file_uploaded', customId: 'f1', url: 'https://f/1' });
    expect(uploaded.outbox[0]!.event).toEqual({ type: 'file', url: 'https://f/1', custom_id: 'f1', recipients: 'all' });
    expect(timelineOf(uploaded)[0]!.event).toMatchObject({ url: 'https://f/1' });
  });

  it('gives a late upload answer for a file that left nothing to change', () => {
    const state = run(loggedIn(), queued(fileEntry('f1')));
    expect(reduce(state, { type: 'file_uploaded', customId: 'gone', url: 'https://f/x' })).toBe(state);
  });

  it('shows a failed file with its error, and the server copy replaces it once echoed', () => {
    const state = run(loggedIn(), queued(fileEntry('f1', { status: 'failed', error: 'file_too_large' })));
    expect(timelineOf(state)[0]).toMatchObject({ status: 'failed', error: 'file_too_large' });
    const echoed = run(loggedIn(), queued(fileEntry('f2')), added([{ id: 'e1', type: 'file', url: 'https://f/2', name: 'f2.pdf', content_type: 'application/pdf', size: 1234, order: 1, author_id: ME, custom_id: 'f2' }]));
    expect(echoed.outbox).toEqual([]);
    expect(timelineOf(echoed).map((i) => i.key)).toEqual(['e1']);
  });

  it('removes a queued or failed entry the visitor takes back, never one the server acknowledged', () => {
    const state = run(loggedIn(), queued(fileEntry('f1'), fileEntry('f2', { status: 'failed', error: 'validation' }), { ...fileEntry('f3'), status: 'sent' }));
    const after = run(state, { type: 'send_removed', customId: 'f1' }, { type: 'send_removed', customId: 'f2' }, { type: 'send_removed', customId: 'f3' });
    expect(after.outbox.map((e) => e.customId)).toEqual(['f3']);
    expect(reduce(after, { type: 'send_removed', customId: 'unknown' })).toBe(after);
  });

  it('retries the failed entries before the one retried, except files a retry cannot mend', () => {
    const state = run(
      loggedIn(),
      queued(
        fileEntry('big', { status: 'failed', error: 'file_too_large' }),
        fileEntry('gone', { status: 'failed', error: 'file_missing' }),
        fileEntry('net', { status: 'failed', error: 'network_error' }),
        { ...entry('m1'), status: 'failed', error: 'internal' },
      ),
    );
    const retried = reduce(state, { type: 'send_retried', customId: 'm1' });
    expect(retried.outbox.map((e) => [e.customId, e.status])).toEqual([
      ['big', 'failed'],
      ['gone', 'failed'],
      ['net', 'queued'],
      ['m1', 'queued'],
    ]);
  });
});
