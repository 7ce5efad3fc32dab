// Read receipts in either dialect (protocol-notes §9): the seed's update_last_seen_timestamp first, and
// released v3.1's mark_events_as_seen once the server refuses the seed's method, until the next login.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flush, harness } from './client-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const CHAT = 'PJ0MRSHTDG';
const CREATED_AT = '2019-09-17T10:00:00.123456Z'; // the newest event's time, microseconds included
const UP_TO = Date.parse(CREATED_AT);
const RFC3339_MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

type Harness = ReturnType<typeof harness>;
const sent = (h: Harness) => h.server.current.frames.map((f) => f.action).filter((a) => a !== 'login' && a !== 'ping');

/** The server refuses the last update_last_seen_timestamp the way the released dialect does. */
const refuse = (h: Harness, type = 'validation') =>
  h.server.current.fail('update_last_seen_timestamp', type, 'unknown action `update_last_seen_timestamp`');

describe('customer client: read receipts', () => {
  it("sends the seed's update_last_seen_timestamp and resolves with the server's time", async () => {
    const h = harness();
    await h.connect();
    const marked = h.client.markChatSeen(CHAT, UP_TO);
    expect(h.server.current.last('update_last_seen_timestamp').payload).toEqual({ chat_id: CHAT });
    h.server.current.respond('update_last_seen_timestamp', { timestamp: 1568714401 });
    await expect(marked).resolves.toBe(1568714401_000);
    expect(sent(h)).toEqual(['update_last_seen_timestamp']);
  });

  it.each(['validation', 'unsupported_version'])(
    'once refused (%s) retries at once with mark_events_as_seen, and keeps to it for the connection',
    async (type) => {
      const h = harness();
      await h.connect();
      const first = h.client.markChatSeen(CHAT, UP_TO);
      refuse(h, type);
      await flush();
      const frame = h.server.current.last('mark_events_as_seen');
      expect(frame.payload).toEqual({ chat_id: CHAT, seen_up_to: '2019-09-17T10:00:00.123999Z' });
      const seenUpTo = frame.payload!.seen_up_to as string;
      expect(seenUpTo).toMatch(RFC3339_MICROS);
      // Fixed-width RFC 3339 times compare as text: the newest event counts as seen.
      expect(seenUpTo >= CREATED_AT).toBe(true);
      h.server.current.respond('mark_events_as_seen');
      await expect(first).resolves.toBe(UP_TO);

      const second = h.client.markChatSeen(CHAT, UP_TO + 5000);
      expect(h.server.current.last('mark_events_as_seen').payload).toEqual({ chat_id: CHAT, seen_up_to: '2019-09-17T10:00:05.123999Z' });
      h.server.current.respond('mark_events_as_seen');
      await expect(second).resolves.toBe(UP_TO + 5000);
      expect(sent(h)).toEqual(['update_last_seen_timestamp', 'mark_events_as_seen', 'mark_events_as_seen']);
    },
  );

  it("starts again with the seed's method on a new connection", async () => {
    const h = harness();
    await h.connect();
    const first = h.client.markChatSeen(CHAT, UP_TO);
    refuse(h);
    await flush();
    h.server.current.respond('mark_events_as_seen');
    await first;
    h.server.current.drop();
    await vi.advanceTimersByTimeAsync(250);
    await h.acceptLogin();
    const again = h.client.markChatSeen(CHAT, UP_TO);
    expect(sent(h)).toEqual(['update_last_seen_timestamp']);
    h.server.current.respond('update_last_seen_timestamp', { timestamp: 1568714401 });
    await expect(again).resolves.toBe(1568714401_000);
  });

  it('keeps the seed method when a receipt fails for another reason: timeout, lost link, authorization', async () => {
    const h = harness();
    await h.connect();
    const timedOut = h.client.markChatSeen(CHAT, UP_TO).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await timedOut).toMatchObject({ type: 'request_timeout' });
    const denied = h.client.markChatSeen(CHAT, UP_TO).catch((e: unknown) => e);
    h.server.current.fail('update_last_seen_timestamp', 'authorization');
    expect(await denied).toMatchObject({ type: 'authorization' });
    const lost = h.client.markChatSeen(CHAT, UP_TO).catch((e: unknown) => e);
    h.server.current.drop();
    expect(await lost).toMatchObject({ type: 'connection_lost' });
    const firstLink = h.server.sockets[0]!.frames.map((f) => f.action).filter((a) => a !== 'ping');
    expect(firstLink).toEqual(['login', ...Array(3).fill('update_last_seen_timestamp')]);
    await vi.advanceTimersByTimeAsync(250);
    await h.acceptLogin();
    void h.client.markChatSeen(CHAT, UP_TO);
    expect(sent(h)).toEqual(['update_last_seen_timestamp']);
  });

  it('fails the receipt when the server refuses both methods', async () => {
    const h = harness();
    await h.connect();
    const marked = h.client.markChatSeen(CHAT, UP_TO).catch((e: unknown) => e);
    refuse(h);
    await flush();
    h.server.current.fail('mark_events_as_seen', 'validation');
    expect(await marked).toMatchObject({ type: 'validation' });
  });

  it('fails with not_connected while offline, without choosing a method', async () => {
    const h = harness();
    await expect(h.client.markChatSeen(CHAT, UP_TO)).rejects.toMatchObject({ type: 'not_connected' });
    await h.connect();
    void h.client.markChatSeen(CHAT, UP_TO);
    expect(sent(h)).toEqual(['update_last_seen_timestamp']);
  });
});
