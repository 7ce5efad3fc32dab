import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RtmError } from '../../../src/protocol/rtm-error';
import { harness } from './client-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Timers of a logged-in client with nothing in flight: the ping and the dead-link check. */
const IDLE_TIMERS = 2;

describe('customer client: requests', () => {
  it('gives every request a unique request_id', async () => {
    const h = harness();
    await h.connect();
    void h.client.getChatsSummary();
    void h.client.getChatsSummary();
    void h.client.request('get_groups_status', { all: true });
    const ids = h.server.current.frames.map((f) => f.request_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  it('resolves with the response payload and clears its timer', async () => {
    const h = harness();
    await h.connect();
    const answer = h.client.request('get_groups_status', { all: true });
    expect(vi.getTimerCount()).toBe(IDLE_TIMERS + 1);
    h.server.current.respond('get_groups_status', { groups_status: { 1: 'online' } });
    await expect(answer).resolves.toEqual({ groups_status: { 1: 'online' } });
    expect(vi.getTimerCount()).toBe(IDLE_TIMERS);
  });

  it('is not settled by a push carrying its request_id; the push still reaches its handler', async () => {
    const h = harness();
    await h.connect();
    const pushed = vi.fn();
    h.client.on('incoming_event', pushed);
    const settled = vi.fn();
    const answer = h.client.sendEvent({ chat_id: 'C1', event: { type: 'message', text: 'hi' } });
    answer.then(settled, settled);
    const id = h.server.current.last('send_event').request_id;
    const event = { id: 'E1', type: 'message', text: 'hi', author_id: 'me', created_at: '2019-09-17T10:00:00.000000Z' };
    h.server.current.push('incoming_event', { chat_id: 'C1', thread_id: 'T1', event }, id);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).not.toHaveBeenCalled();
    expect(pushed).toHaveBeenCalledWith({ chat_id: 'C1', thread_id: 'T1', event }, id);
    h.server.current.respond('send_event', { event_id: 'E1' });
    await expect(answer).resolves.toEqual({ event_id: 'E1' });
  });

  it("rejects with an RtmError carrying the server's type, message and data", async () => {
    const h = harness();
    await h.connect();
    const answer = h.client.startChat();
    h.server.current.fail('start_chat', 'misdirected_request', 'Wrong region', { region: 'fra' });
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RtmError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'RtmError', type: 'misdirected_request', message: 'Wrong region', data: { region: 'fra' } });
    expect(vi.getTimerCount()).toBe(IDLE_TIMERS);
  });

  it.each(['validation', 'authorization', 'groups_offline', 'pending_requests_limit_reached', 'too_many_requests', 'internal'])(
    'passes the %s error type through',
    async (type) => {
      const h = harness();
      await h.connect();
      const answer = h.client.startChat();
      h.server.current.fail('start_chat', type, `${type} happened`);
      await expect(answer).rejects.toMatchObject({ type, message: `${type} happened` });
    },
  );

  it('rejects with request_timeout after 15 s and ignores a late answer', async () => {
    const h = harness();
    await h.connect();
    const answer = h.client.getChatsSummary();
    const failed = vi.fn();
    answer.catch(failed);
    await vi.advanceTimersByTimeAsync(14_999);
    h.server.current.receive({ action: 'ping', type: 'response', success: true }); // keep the link alive
    expect(failed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(failed.mock.calls[0]?.[0]).toMatchObject({ type: 'request_timeout' });
    expect(() => h.server.current.respond('get_chats_summary', { chats_summary: [], total_chats: 0 })).not.toThrow();
    expect(h.client.state).toBe('online');
  });

  it('rejects everything in flight with connection_lost when the socket drops', async () => {
    const h = harness();
    await h.connect();
    const a = h.client.getChatsSummary();
    const b = h.client.closeThread({ chat_id: 'C1' });
    h.server.current.drop();
    await expect(a).rejects.toMatchObject({ type: 'connection_lost' });
    await expect(b).rejects.toMatchObject({ type: 'connection_lost' });
    expect(h.client.state).toBe('reconnecting');
    expect(vi.getTimerCount()).toBe(1); // only the retry
  });

  it('rejects at once with not_connected while not online', async () => {
    const h = harness();
    await expect(h.client.getChatsSummary()).rejects.toMatchObject({ type: 'not_connected' });
    void h.client.connect();
    await vi.advanceTimersByTimeAsync(0);
    h.server.current.open();
    await expect(h.client.sendSneakPeek({ chat_id: 'C', sneak_peek_text: 'h' })).rejects.toMatchObject({
      type: 'not_connected',
      message: 'Cannot send send_sneak_peek while logging_in',
    });
    expect(h.server.current.frames.map((f) => f.action)).toEqual(['login']);
  });

  it('rejects with a readable message when the server sends an error message that is not text', async () => {
    const h = harness();
    await h.connect();
    const answer = h.client.startChat();
    const [request] = h.server.current.frames.filter((f) => f.action === 'start_chat');
    // An object whose toString is not a function: turning it into text throws.
    const message = { toString: [] };
    expect(() =>
      h.server.current.receive({ request_id: request!.request_id, action: 'start_chat', type: 'response', success: false, payload: { error: { type: 'internal', message } } }),
    ).not.toThrow();
    await expect(answer).rejects.toMatchObject({ type: 'internal', message: 'internal' });
  });

  it('ignores responses nobody waits for', async () => {
    const h = harness();
    await h.connect();
    h.server.current.receive({ request_id: 'nobody', action: 'get_form', type: 'response', success: true, payload: {} });
    h.server.current.receive({ action: 'get_form', type: 'response', success: false, payload: { error: { type: 'internal', message: 'x' } } });
    expect(h.client.state).toBe('online');
    expect(h.client.droppedFrames).toBe(0);
  });
});
