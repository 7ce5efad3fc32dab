// Bad input never crashes the sandbox or disturbs other connections: malformed frames get an
// error response, oversized or invalid frames a clean close, and fuzzed requests always get an
// answer without internal errors.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerHandlers } from '../../demo/sandbox/customer-handlers';
import { MAX_FRAME_BYTES } from '../../demo/sandbox/protocol';
import { setAgentPresence } from '../../demo/sandbox/routing';
import type { Sandbox } from '../../demo/sandbox/server';
import { LICENSE, connectCustomer, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let internal: unknown[];
let victim: TestClient;
let bystander: TestClient;
let bystanderChat: string;

beforeEach(async () => {
  // A long login deadline: the fuzzing below keeps a socket that never logs in busy for a while.
  sandbox = await startTestSandbox({ timers: { loginMs: 60_000 } });
  internal = [];
  sandbox.core.reportInternal = (e) => internal.push(e);
  setAgentPresence(sandbox.core, LICENSE, 'agent@chatlet.test', { sessionDelta: 1 });
  victim = (await loginCustomer(sandbox)).client;
  bystander = (await loginCustomer(sandbox)).client;
  bystanderChat = (await bystander.request('start_chat', {})).payload.chat.id;
});
afterEach(() => sandbox.close());

/** The bystander can still chat: a message round-trips with its push. */
async function bystanderStillWorks(): Promise<void> {
  const res = await bystander.request('send_event', { chat_id: bystanderChat, event: { type: 'message', text: 'still here' } });
  expect(res.success).toBe(true);
  await bystander.next((f) => f.action === 'incoming_event' && f.request_id === res.request_id);
}

function nextError(client: TestClient): Promise<Frame> {
  return client.next((f) => f.type === 'response' && f.success === false);
}

describe('malformed frames', () => {
  it.each([
    ['bad JSON', '{"action":'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"login"'],
    ['null', 'null'],
    ['no action', '{"payload":{}}'],
    ['an empty action', '{"action":""}'],
    ['a numeric action', '{"action":7}'],
    ['a non-object payload', '{"action":"get_chats_summary","payload":[1]}'],
    ['a numeric request_id', '{"request_id":5,"action":"get_chats_summary"}'],
    ['an unknown action', '{"action":"drop_tables","payload":{}}'],
    ['a prototype action', '{"action":"__proto__","payload":{}}'],
    ['a prototype property', '{"action":"update_customer","payload":{"fields":{"__proto__":{"x":1}}}}'],
  ])('answers %s with a validation error and keeps the socket', async (_name, raw) => {
    victim.send(raw);
    expect((await nextError(victim)).payload.error.type).toBe('validation');
    expect((await victim.request('ping')).success).toBe(true);
    await bystanderStillWorks();
  });

  it('echoes a string request_id on a frame that fails validation', async () => {
    victim.send('{"request_id":"r1","action":"get_chats_summary","payload":"x"}');
    expect((await nextError(victim)).request_id).toBe('r1');
  });

  it('answers binary frames with a validation error', async () => {
    victim.ws.send(Buffer.from('{"action":"ping"}'), { binary: true });
    expect((await nextError(victim)).payload.error.message).toContain('text');
  });

  it('closes a frame over 1 MB with 1009, other sockets unaffected', async () => {
    victim.send(JSON.stringify({ action: 'send_sneak_peek', payload: { text: 'x'.repeat(MAX_FRAME_BYTES) } }));
    expect((await victim.closed).code).toBe(1009);
    await bystanderStillWorks();
  });

  it('closes a text frame with invalid UTF-8 with 1007, other sockets unaffected', async () => {
    victim.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await victim.closed).code).toBe(1007);
    await bystanderStillWorks();
  });

  it('survives a client that vanishes mid-conversation', async () => {
    victim.send({ action: 'start_chat', payload: {} });
    victim.ws.terminate();
    await victim.closed;
    await bystanderStillWorks();
  });
});

describe('fuzzing', () => {
  const actions = ['login', 'ping', ...Object.keys(customerHandlers), 'x', 'toString', 'constructor'];
  const field = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue());
  const payload = fc.dictionary(
    fc.constantFrom('chat_id', 'thread_id', 'event_id', 'chat', 'event', 'properties', 'postback', 'url', 'group_id', 'type', 'fields', 'name', 'token', 'groups', 'all', 'limit', 'offset', 'thread_ids', 'continuous', 'seen_up_to', '__proto__'),
    field,
  );

  it('answers every fuzzed request (logged in or not) without internal errors', async () => {
    const fresh = await connectCustomer(sandbox);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(victim, fresh), fc.constantFrom(...actions), payload, async (client, action, body) => {
        const res = await client.request(action, body);
        expect(res.type).toBe('response');
      }),
      { numRuns: 300 },
    );
    expect(internal).toEqual([]);
    await bystanderStillWorks();
  });

  it('answers random text frames without internal errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        victim.send(text);
        const res = await victim.request('ping');
        expect(res.success).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(internal).toEqual([]);
    await bystanderStillWorks();
  });
});
