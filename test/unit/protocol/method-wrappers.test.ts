// Every customer method of seed 003: the wrapper sends the seed's sample request field for field, and
// accepts the seed's sample response as well as the released v3.1 variants (protocol-notes §9).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import samples from '../../fixtures/seed-samples.json';
import type { CustomerClient } from '../../../src/protocol/customer-client';
import { flush, harness, LOGIN } from './client-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

interface Sample {
  request: { json?: { action: string; payload?: object; request_id?: string } };
  request_optional: { json?: { action: string; payload?: object; request_id?: string } };
  response: { json?: { payload?: object } };
}
const methods = samples.customer_rtm_v3_1.methods as unknown as Record<string, Sample>;

/** The public wrapper name of each seed action (the list). */
const WRAPPERS: Record<string, keyof CustomerClient> = {
  get_chats_summary: 'getChatsSummary',
  get_chat_threads_summary: 'getChatThreadsSummary',
  get_chat_threads: 'getChatThreads',
  start_chat: 'startChat',
  activate_chat: 'activateChat',
  close_thread: 'closeThread',
  send_event: 'sendEvent',
  send_rich_message_postback: 'sendRichMessagePostback',
  send_sneak_peek: 'sendSneakPeek',
  update_chat_properties: 'updateChatProperties',
  delete_chat_properties: 'deleteChatProperties',
  update_chat_thread_properties: 'updateChatThreadProperties',
  delete_chat_thread_properties: 'deleteChatThreadProperties',
  update_event_properties: 'updateEventProperties',
  delete_event_properties: 'deleteEventProperties',
  update_customer: 'updateCustomer',
  update_customer_page: 'updateCustomerPage',
  set_customer_fields: 'setCustomerFields',
  get_groups_status: 'getGroupsStatus',
  get_form: 'getForm',
  get_predicted_agent: 'getPredictedAgent',
  get_url_details: 'getUrlDetails',
  update_last_seen_timestamp: 'updateLastSeenTimestamp',
};

type Call = (payload?: object) => Promise<unknown>;

async function online() {
  const h = harness();
  await h.connect();
  return h;
}

/** Calls `action`'s wrapper with `payload`; returns the frame it sent and the pending answer. */
function call(h: Awaited<ReturnType<typeof online>>, action: string, payload: object | undefined) {
  const wrapper = h.client[WRAPPERS[action]!] as Call;
  const answer = wrapper(payload);
  const { request_id, ...frame } = h.server.current.last(action);
  expect(request_id).toEqual(expect.any(String));
  return { frame, answer };
}

const seedActions = Object.keys(methods).filter((a) => a !== 'login');

describe('method wrappers', () => {
  it('cover every customer method of seed 003', () => {
    expect(Object.keys(WRAPPERS).sort()).toEqual([...seedActions].sort());
  });

  it.each(seedActions)("%s sends the seed's sample request", async (action) => {
    const sample = methods[action]!;
    const h = await online();
    const { frame, answer } = call(h, action, sample.request.json!.payload);
    expect(frame).toEqual(sample.request.json);
    h.server.current.respond(action, sample.response.json?.payload ?? {});
    await expect(answer).resolves.toEqual(sample.response.json?.payload ?? {});
    if (sample.request_optional.json) {
      const { request_id: _, ...optional } = sample.request_optional.json;
      expect(call(h, action, optional.payload).frame).toEqual(optional);
    }
  });

  it("login sends the seed's sample requests", async () => {
    const required = methods.login!.request.json!;
    const optional = methods.login!.request_optional.json!;
    const token = (t: string) => async () => ({ accessToken: t.replace('Bearer ', ''), entityId: 'e', expiresIn: 60, tokenType: 'Bearer' });

    // Outside a browser there is no page to report: the login is exactly the seed's minimal sample.
    vi.stubGlobal('location', undefined);
    const bare = harness({ customerPage: undefined, getToken: token((required.payload as { token: string }).token) });
    bare.client.connect().catch(() => {});
    await flush();
    bare.server.current.open();
    const { request_id: _a, ...minimal } = bare.server.current.last('login');
    expect(minimal).toEqual(required);
    vi.unstubAllGlobals();

    const o = optional.payload as { token: string; group_id: number; customer_page: { url: string } };
    const full = harness({ customerPage: o.customer_page, groupId: o.group_id, getToken: token(o.token) });
    full.client.connect().catch(() => {});
    await flush();
    full.server.current.open();
    const { request_id: _b, ...sent } = full.server.current.last('login');
    expect(sent).toEqual({ action: optional.action, payload: optional.payload });
    full.server.current.respond('login', LOGIN);
  });

  it.each([
    ['start_chat', { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8', event_ids: ['E1'] }],
    ['activate_chat', { thread_id: 'K600PKZON8', event_ids: [] }],
    ['send_event', { event_id: 'K600PKZON8_3' }],
    ['get_predicted_agent', { id: 'agent1@example.com', name: 'Name', avatar: 'a.png', is_bot: false, job_title: 'hero', type: 'agent' }],
    ['get_predicted_agent', { agent: { id: 'agent1@example.com', name: 'Name', type: 'agent' } }],
  ])('%s accepts the released v3.1 response %j', async (action, response) => {
    const h = await online();
    const { answer } = call(h, action, methods[action]!.request.json!.payload);
    h.server.current.respond(action, response);
    await expect(answer).resolves.toEqual(response);
  });

  it('mark_events_as_seen (released v3.1) sends chat_id and seen_up_to', async () => {
    const h = await online();
    const answer = h.client.markEventsAsSeen({ chat_id: 'PJ0MRSHTDG', seen_up_to: '2019-09-17T10:00:00.123456Z' });
    const { request_id: _, ...frame } = h.server.current.last('mark_events_as_seen');
    expect(frame).toEqual({ action: 'mark_events_as_seen', payload: { chat_id: 'PJ0MRSHTDG', seen_up_to: '2019-09-17T10:00:00.123456Z' } });
    h.server.current.respond('mark_events_as_seen');
    await expect(answer).resolves.toEqual({});
  });

  it('sends {} for wrappers called without a payload', async () => {
    const h = await online();
    void h.client.getPredictedAgent();
    expect(h.server.current.last('get_predicted_agent').payload).toEqual({});
  });
});
