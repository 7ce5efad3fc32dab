// Bad input on the agent side never crashes the sandbox or disturbs other connections: on the
// RTM socket malformed frames get an error response and oversized or invalid frames a clean
// close; on the Web API every bad request gets a 4xx JSON error. Fuzzed requests of every
// method always get an answer and never an internal error.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentHandlers, agentWebHandlers } from '../../demo/sandbox/agent-handlers';
import { MAX_FRAME_BYTES, MAX_TEXT_BYTES } from '../../demo/sandbox/protocol';
import type { Sandbox } from '../../demo/sandbox/server';
import { AGENT_TOKEN, BOT_TOKEN, chatWithAgent, web } from './agent-helpers';
import { connect, seedSample, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let internal: unknown[];
/** The agent socket that gets the bad input, and its own chat. */
let victim: TestClient;
let victimIds: { chat_id: string; thread_id: string; event_id: string; customer_id: string };
/** Another agent and its customer, chatting in their own chat throughout. */
let bystander: TestClient;
let bystanderCustomer: TestClient;
let bystanderChat: string;

beforeEach(async () => {
  // A long login deadline: a fuzzed socket that never logs in stays open for the whole run.
  sandbox = await startTestSandbox({ timers: { loginMs: 60_000 } });
  internal = [];
  sandbox.core.reportInternal = (e) => internal.push(e);
  const mine = await chatWithAgent(sandbox, BOT_TOKEN);
  victim = mine.agent;
  victimIds = { chat_id: mine.chatId, thread_id: mine.threadId, event_id: mine.eventIds[0] as string, customer_id: mine.customerId };
  const theirs = await chatWithAgent(sandbox, AGENT_TOKEN);
  [bystander, bystanderCustomer, bystanderChat] = [theirs.agent, theirs.customer, theirs.chatId];
});
afterEach(() => sandbox.close());

/** The bystanders still chat: a customer message reaches their agent, and the agent answers. */
async function bystandersStillWork(): Promise<void> {
  const text = `still here ${Math.random()}`;
  await bystanderCustomer.request('send_event', { chat_id: bystanderChat, event: { type: 'message', text } });
  await bystander.next((f) => f.action === 'incoming_event' && f.payload.event.text === text);
  expect((await bystander.request('send_event', { chat_id: bystanderChat, event: { type: 'message', text: 'ok' } })).success).toBe(true);
}

function nextError(client: TestClient): Promise<Frame> {
  return client.next((f) => f.type === 'response' && f.success === false);
}

describe('malformed RTM frames', () => {
  it.each([
    ['bad JSON', '{"action":'],
    ['a JSON array', '[1,2]'],
    ['null', 'null'],
    ['no action', '{"payload":{}}'],
    ['a numeric action', '{"action":7}'],
    ['a non-object payload', '{"action":"get_chats_summary","payload":[1]}'],
    ['an unknown action', '{"action":"drop_tables","payload":{}}'],
    ['a prototype action', '{"action":"__proto__","payload":{}}'],
    ['a constructor action', '{"action":"constructor","payload":{}}'],
    ['a wrong type', '{"action":"send_event","payload":{"chat_id":5,"event":{}}}'],
    ['a wrong nested type', '{"action":"send_rich_message_postback","payload":{"chat_id":"a","thread_id":"b","event_id":"c","postback":{"id":1,"toggled":"yes"}}}'],
  ])('answers %s with a validation error and keeps the socket', async (_name, raw) => {
    victim.send(raw);
    expect((await nextError(victim)).payload.error.type).toBe('validation');
    expect((await victim.request('ping')).success).toBe(true);
    await bystandersStillWork();
  });

  it('a __proto__ property namespace pollutes nothing', async () => {
    victim.send(`{"request_id":"p1","action":"update_chat_properties","payload":{"chat_id":"${victimIds.chat_id}","properties":{"__proto__":{"polluted":1}}}}`);
    const res = await victim.next((f) => f.request_id === 'p1');
    expect(res.type).toBe('response');
    expect(({} as Frame).polluted).toBeUndefined();
    const chat = (await victim.request('get_chat_threads', { chat_id: victimIds.chat_id })).payload.chat;
    expect(chat.properties.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(sandbox.store.chats.get(victimIds.chat_id)?.properties)).toBe(Object.prototype);
  });

  it('refuses a message text over 16 KB with validation', async () => {
    const res = await victim.request('send_event', { chat_id: victimIds.chat_id, event: { type: 'message', text: 'x'.repeat(MAX_TEXT_BYTES + 1) } });
    expect(res.payload.error).toMatchObject({ type: 'validation', message: expect.stringContaining('event.text') });
  });

  it('answers binary frames with a validation error', async () => {
    victim.ws.send(Buffer.from('{"action":"ping"}'), { binary: true });
    expect((await nextError(victim)).payload.error.message).toContain('text');
  });

  it('closes a frame over 1 MB with 1009; the agent is no longer present there, others unaffected', async () => {
    victim.send(JSON.stringify({ action: 'send_event', payload: { text: 'x'.repeat(MAX_FRAME_BYTES) } }));
    expect((await victim.closed).code).toBe(1009);
    await bystandersStillWork();
  });

  it('closes a text frame with invalid UTF-8 with 1007, others unaffected', async () => {
    victim.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await victim.closed).code).toBe(1007);
    await bystandersStillWork();
  });

  it('survives an agent that vanishes mid-request', async () => {
    victim.send({ action: 'close_thread', payload: { chat_id: victimIds.chat_id } });
    victim.ws.terminate();
    await victim.closed;
    await bystandersStillWork();
  });
});

describe('bad Web API requests', () => {
  const post = (action: string, init: RequestInit): Promise<Response> =>
    fetch(`${sandbox.url}/v3.0/agent/action/${action}`, { method: 'POST', ...init, headers: { Authorization: `Bearer ${AGENT_TOKEN}`, ...init.headers } });

  it.each([
    ['bad JSON', '{"chat_id":', 400, 'validation'],
    ['a JSON array', '[1]', 400, 'validation'],
    ['a JSON string', '"x"', 400, 'validation'],
    ['a wrong type', '{"chat_id":7}', 400, 'validation'],
  ])('answers %s with %i %s', async (_name, raw, status, type) => {
    const res = await post('get_chat_threads', { body: raw, headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { type, message: expect.any(String) } });
  });

  it('answers a body over 1 MB with HTTP 413 and validation (seed 002 has no entity_too_large)', async () => {
    const res = await post('send_event', { body: JSON.stringify({ text: 'x'.repeat(MAX_FRAME_BYTES) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.type).toBe('validation');
    await bystandersStillWork();
  });

  it('answers a broken multipart body with 400', async () => {
    const res = await post('send_file', { body: '--x\r\nnot a part', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
    expect(res.status).toBe(400);
    const noBoundary = await post('upload_image', { body: 'abc', headers: { 'Content-Type': 'multipart/form-data' } });
    expect(noBoundary.status).toBe(400);
  });

  it('answers other HTTP methods with 400 and CORS preflights with 204', async () => {
    const get = await fetch(`${sandbox.url}/v3.0/agent/action/get_customers`, { headers: { Authorization: `Bearer ${AGENT_TOKEN}` } });
    expect(get.status).toBe(400);
    const preflight = await fetch(`${sandbox.url}/v3.0/agent/action/get_customers`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('fuzzing', () => {
  const actions = [...Object.keys(agentHandlers).filter((a) => a !== 'logout'), 'login', 'ping', 'x', 'toString', 'hasOwnProperty'];
  const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue());

  /** The method's seed sample payload, aimed at the victim's chat, with one field replaced, removed or added. */
  function mutated(action: string, change: { key: string; value: unknown; mode: 'set' | 'delete' }): Frame {
    let base: Frame = {};
    try {
      base = structuredClone(seedSample('agent_rtm_v3_0', action).request?.payload ?? {}) as Frame;
    } catch {
      base = {};
    }
    for (const k of ['chat_id', 'thread_id', 'event_id', 'customer_id'] as const) if (k in base) base[k] = victimIds[k];
    if (base.chat?.id) base.chat.id = victimIds.chat_id;
    const keys = Object.keys(base);
    const key = keys.length > 0 && change.mode === 'delete' ? (keys[change.key.length % keys.length] as string) : change.key;
    if (change.mode === 'delete') delete base[key];
    else base[key] = change.value;
    return base;
  }

  const change = fc.record({
    key: fc.constantFrom('chat_id', 'thread_id', 'event_id', 'event', 'chat', 'properties', 'postback', 'access', 'target', 'scopes', 'content', 'filters', 'pagination', 'ban', 'tag', 'user_type', 'routing_status', 'is_typing', 'limit', 'page_id', '__proto__'),
    value,
    mode: fc.constantFrom('set' as const, 'delete' as const),
  });

  it('answers every fuzzed RTM request (logged in or not) without internal errors', async () => {
    const fresh = await connect(`${sandbox.wsUrl}/v3.0/agent/rtm/ws`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(victim, fresh), fc.constantFrom(...actions), change, async (client, action, c) => {
        const res = await client.request(action, mutated(action, c));
        expect(res.type).toBe('response');
        if (res.success === false) expect(res.payload.error.type).not.toBe('internal');
      }),
      { numRuns: 300 },
    );
    expect(internal).toEqual([]);
    await bystandersStillWork();
  });

  it('answers every fuzzed Web API request with JSON and no 5xx', async () => {
    const webActions = [...Object.keys(agentWebHandlers), 'login', 'logout', 'nope'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...webActions), change, async (action, c) => {
        const res = await web(sandbox, action, mutated(action, c));
        expect(res.status).toBeLessThan(500);
        if (res.status !== 200) expect(res.body.error.type).toBeTypeOf('string');
      }),
      { numRuns: 150 },
    );
    expect(internal).toEqual([]);
    await bystandersStillWork();
  });

  it('answers random text frames without internal errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        victim.send(text);
        expect((await victim.request('ping')).success).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(internal).toEqual([]);
    await bystandersStillWork();
  });
});
