// The sandbox under attack, while a real widget keeps chatting on it: a customer fires fuzzed
// requests built around another customer's real chat, thread and event ids, probes every method
// with them, and calls the agent APIs without a token, with a wrong one and with its own customer
// token. Everything is refused or answered with the attacker's own data only: the other
// customer's words and identity never reach it, nothing changes in their chat, no handler fails,
// and the bystander's messages are delivered exactly once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentHandlers, agentWebHandlers } from '../../demo/sandbox/agent-handlers';
import { customerHandlers } from '../../demo/sandbox/customer-handlers';
import { connect, loginCustomer, type Frame, type TestClient } from '../sandbox/helpers';
import { memoryStorage } from '../unit/protocol/fake-storage';
import { mulberry32 } from './mulberry32';
import { agentReads, startSite, web, type Site } from './site';
import { openVisitor, ownMessages, until, type Browser, type Visitor } from './visitor';

const SECRET = 'my card number is 4111 1111 1111 1111';
const CUSTOMER_ACTIONS = Object.keys(customerHandlers);

let site: Site;
let internal: unknown[];
let victim: { client: TestClient; customerId: string; chat: string; thread: string; event: string };
let attacker: { client: TestClient; customerId: string; token: string };
let bystander: { visitor: Visitor; browser: Browser; sent: string[] };
const counts = { fuzzed: 0, probes: 0, agentProbes: 0, leaked: 0 };

beforeAll(async () => {
  site = await startSite();
  internal = [];
  site.sandbox.core.reportInternal = (e) => internal.push(e);
  const v = await loginCustomer(site.sandbox);
  const started = (await v.client.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: SECRET }] } } })).payload.chat;
  victim = { client: v.client, customerId: v.customerId, chat: started.id, thread: started.thread.id, event: started.thread.events[0].id };
  const token = site.sandbox.issueCustomerToken();
  const a = await loginCustomer(site.sandbox, {}, token.entity_id);
  attacker = { client: a.client, customerId: a.customerId, token: token.access_token };
  const browser: Browser = { storage: memoryStorage() };
  bystander = { visitor: openVisitor(site, browser, mulberry32(99)), browser, sent: [] };
  await until(() => bystander.visitor.store.connectionState.value === 'online', 5_000);
});
afterAll(async () => {
  bystander.visitor.close();
  await site.close();
});

/** The bystander says something and it must arrive; called between the attacks. */
async function bystanderChats(): Promise<void> {
  const text = `still here ${bystander.sent.length + 1}`;
  bystander.sent.push(text);
  void bystander.visitor.store.actions.send(text);
  await until(() => ownMessages(bystander.visitor.store).filter(([, s]) => s === 'sent').length === bystander.sent.length, 5_000);
}

/**
 * Whether a frame or body gives away the victim's words, or names the victim or their chat in
 * anything but a refusal (a refusal may quote the id the attacker sent).
 */
const leaks = (x: Frame) => {
  const text = JSON.stringify(x);
  const refusal = x.success === false || x.payload?.error !== undefined || x.error !== undefined;
  return text.includes(SECRET) || (!refusal && (text.includes(victim.customerId) || text.includes(victim.chat)));
};

describe('the sandbox under attack', () => {
  it('answers fuzzed requests around another customer’s ids with nothing of theirs', async () => {
    const ids = fc.constantFrom(victim.chat, victim.thread, victim.event, victim.customerId);
    const value = fc.oneof(ids, fc.array(ids, { maxLength: 2 }), fc.record({ id: ids, thread: fc.record({ events: fc.constant([{ type: 'message', text: 'injected' }]) }) }), fc.jsonValue());
    const payload = fc.dictionary(
      fc.constantFrom('chat_id', 'thread_id', 'event_id', 'chat', 'thread_ids', 'customer_id', 'user_id', 'id', 'event', 'properties', 'postback', 'seen_up_to'),
      value,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CUSTOMER_ACTIONS), payload, async (action, body) => {
        counts.fuzzed++;
        const res = await attacker.client.request(action, body);
        expect(res.type).toBe('response');
        if (res.success === false) expect(res.payload.error.type).not.toBe('internal');
      }),
      { numRuns: 400, seed: 7 },
    );
    await bystanderChats();
  });

  it('refuses every method aimed at another customer’s chat', async () => {
    const target = { chat_id: victim.chat, thread_id: victim.thread, event_id: victim.event, thread_ids: [victim.thread] };
    const aimed: [string, Frame][] = [
      ...['get_chat_threads_summary', 'get_chat_threads', 'close_thread', 'update_last_seen_timestamp', 'send_sneak_peek'].map((a): [string, Frame] => [a, { ...target, sneak_peek_text: 'x' }]),
      ['activate_chat', { chat: { id: victim.chat, thread: { events: [{ type: 'message', text: 'injected' }] } } }],
      ['send_event', { ...target, event: { type: 'message', text: 'injected' } }],
      ['send_event', { ...target, event: { type: 'message', text: 'injected' }, attach_to_last_thread: true }],
      ['send_rich_message_postback', { ...target, postback: { id: 'x', toggled: true } }],
      ['update_chat_properties', { ...target, properties: { ns: { k: 'v' } } }],
      ['update_chat_thread_properties', { ...target, properties: { ns: { k: 'v' } } }],
      ['update_event_properties', { ...target, properties: { ns: { k: 'v' } } }],
      ['delete_chat_properties', { ...target, properties: { ns: ['k'] } }],
      ['mark_events_as_seen', { ...target, seen_up_to: '2030-01-01T00:00:00.000000Z' }],
    ];
    for (const [action, body] of aimed) {
      counts.probes++;
      const res = await attacker.client.request(action, body);
      expect(res.success, action).toBe(false);
      expect(res.payload.error.type, action).not.toBe('internal');
    }
    // Methods without a chat answer with the attacker's own data only.
    for (const action of ['get_chats_summary', 'get_customer', 'list_group_statuses', 'get_form']) {
      counts.probes++;
      const res = await attacker.client.request(action, { group_id: 0, type: 'prechat', all: true });
      expect(leaks(res), action).toBe(false);
    }
    await bystanderChats();
  });

  it('refuses agent calls without a token, with a wrong one and with a customer token', async () => {
    const schemes = [null, 'Bearer', 'Bearer wrong-token', `Bearer ${attacker.token}`, 'Basic ZGVtbzpkZW1v', 'demo-agent-token'];
    const probes = { chat_id: victim.chat, thread_id: victim.thread, customer_id: victim.customerId, event: { type: 'message', text: 'injected' } };
    for (const action of Object.keys(agentWebHandlers)) {
      for (const authorization of schemes) {
        counts.agentProbes++;
        const res = await web(site.sandbox, action, probes, authorization);
        expect(res.status, `${action} with ${authorization}`).toBe(401);
        expect(leaks(res.body)).toBe(false);
      }
    }
    const rtm = await connect(`${site.sandbox.wsUrl}/v3.0/agent/rtm/ws`);
    for (const token of [undefined, '', 'Bearer wrong-token', `Bearer ${attacker.token}`]) {
      counts.agentProbes++;
      expect((await rtm.request('login', token === undefined ? {} : { token })).payload.error.type).toBe('authentication');
    }
    for (const action of Object.keys(agentHandlers)) {
      counts.agentProbes++;
      const res = await rtm.request(action, probes);
      expect(res.payload.error?.type, action).toBe('authentication');
    }
    counts.leaked += rtm.frames.filter(leaks).length;
    await rtm.close();
    await bystanderChats();
  });

  it('leaked nothing, changed nothing, failed nowhere, and the bystander’s messages arrived once each', async () => {
    counts.leaked += attacker.client.frames.filter(leaks).length;
    console.log(
      `sandbox under attack: ${counts.fuzzed} fuzzed requests, ${counts.probes} customer probes, ${counts.agentProbes} agent probes; ` +
        `leaked ${counts.leaked}, internal errors ${internal.length}, bystander ${bystander.sent.length} sent`,
    );
    expect(counts.leaked).toBe(0);
    expect(internal).toEqual([]);
    expect(await agentReads(site.sandbox, victim.customerId)).toEqual([SECRET]);
    expect(victim.client.pushes('incoming_event')).toEqual([]);
    expect(await agentReads(site.sandbox, bystander.browser.entityId!)).toEqual(bystander.sent);
    expect((await victim.client.request('ping')).success).toBe(true);
  });
});
