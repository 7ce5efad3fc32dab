// Bad parameters get a `validation` error whose message names the field; the connection
// keeps working afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../../demo/sandbox/protocol';
import { setAgentPresence } from '../../demo/sandbox/routing';
import type { Sandbox } from '../../demo/sandbox/server';
import { LICENSE, loginCustomer, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let client: TestClient;
let chat: string;
let thread: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  setAgentPresence(sandbox.core, LICENSE, 'agent@chatlet.test', { sessionDelta: 1 });
  client = (await loginCustomer(sandbox)).client;
  const started = (await client.request('start_chat', {})).payload.chat;
  [chat, thread] = [started.id, started.thread.id];
});
afterAll(() => sandbox.close());

const big = 'x'.repeat(MAX_TEXT_BYTES + 1);

/** [action, payload, field the message must name]; CHAT and THREAD stand for the test chat's ids. */
const cases: Array<[string, Frame, string]> = [
  ['get_chats_summary', { limit: 26 }, 'limit'],
  ['get_chats_summary', { offset: 'x' }, 'offset'],
  ['get_chat_threads_summary', {}, 'chat_id'],
  ['get_chat_threads', { chat_id: 5 }, 'chat_id'],
  ['get_chat_threads', { chat_id: 'CHAT', thread_ids: [1] }, 'thread_ids'],
  ['start_chat', { chat: [] }, 'chat'],
  ['start_chat', { continuous: 'yes' }, 'continuous'],
  ['start_chat', { chat: { thread: { events: [{ type: 'message' }] } } }, 'chat.thread.events[0].text'],
  ['start_chat', { chat: { thread: { events: {} } } }, 'chat.thread.events'],
  ['start_chat', { chat: { access: { group_ids: ['0'] } } }, 'chat.access.group_ids'],
  ['activate_chat', {}, 'chat'],
  ['activate_chat', { chat: {} }, 'chat.id'],
  ['close_thread', {}, 'chat_id'],
  ['send_event', { chat_id: 'CHAT' }, 'event'],
  ['send_event', { chat_id: 'CHAT', event: { type: 'sparkle' } }, 'event.type'],
  ['send_event', { chat_id: 'CHAT', event: { type: 'annotation', text: 'x' } }, 'event.type'],
  ['send_event', { chat_id: 'CHAT', event: { type: 'message', text: 'x', recipients: 'bots' } }, 'event.recipients'],
  ['send_event', { chat_id: 'CHAT', event: { type: 'message', text: big } }, 'event.text'],
  ['send_event', { chat_id: 'CHAT', event: { type: 'rich_message', template_id: 'cards', elements: new Array(11).fill({}) } }, 'event.elements'],
  ['send_event', { chat_id: 'CHAT', event: { type: 'filled_form', fields: [] } }, 'event.form_id'],
  ['send_event', { chat_id: 'CHAT', attach_to_last_thread: 1, event: { type: 'message', text: 'x' } }, 'attach_to_last_thread'],
  ['send_rich_message_postback', { chat_id: 'CHAT', thread_id: 'THREAD', event_id: 'e', postback: { id: 'x' } }, 'postback.toggled'],
  ['send_sneak_peek', { chat_id: 'CHAT' }, 'sneak_peek_text'],
  ['send_sneak_peek', { chat_id: 'CHAT', sneak_peek_text: big }, 'sneak_peek_text'],
  ['update_chat_properties', { chat_id: 'CHAT' }, 'properties'],
  ['update_chat_properties', { chat_id: 'CHAT', properties: { ns: 5 } }, 'properties.ns'],
  ['delete_chat_properties', { chat_id: 'CHAT', properties: { ns: 'k' } }, 'properties.ns'],
  ['update_chat_thread_properties', { chat_id: 'CHAT', properties: {} }, 'thread_id'],
  ['update_event_properties', { chat_id: 'CHAT', thread_id: 'THREAD', properties: {} }, 'event_id'],
  ['update_customer', {}, 'name'],
  ['update_customer', { name: 5 }, 'name'],
  ['update_customer', { fields: { a: 1 } }, 'fields.a'],
  ['update_customer_page', {}, 'url'],
  ['set_customer_fields', { fields: 'x' }, 'fields'],
  ['get_groups_status', {}, 'groups'],
  ['get_groups_status', { groups: ['0'] }, 'groups'],
  ['get_form', { group_id: '0', type: 'prechat' }, 'group_id'],
  ['get_form', { group_id: 0, type: 'survey' }, 'type'],
  ['get_url_details', { url: 'ftp://chatlet.test' }, 'url'],
  ['update_last_seen_timestamp', { chat_id: 'CHAT', timestamp: 'now' }, 'timestamp'],
  ['mark_events_as_seen', { chat_id: 'CHAT', seen_up_to: 'yesterday' }, 'seen_up_to'],
  ['no_such_method', {}, 'no_such_method'],
];

describe('customer validation', () => {
  it.each(cases)('%s %j → validation naming %s', async (action, payload, field) => {
    const res = await client.request(action, JSON.parse(JSON.stringify(payload).replaceAll('CHAT', chat).replaceAll('THREAD', thread)));
    expect(res.success).toBe(false);
    expect(res.payload.error.type).toBe('validation');
    expect(res.payload.error.message).toContain(field);
  });

  it('answers activate_chat into an offline group with groups_offline (the seed optional sample)', async () => {
    expect((await client.request('close_thread', { chat_id: chat })).success).toBe(true);
    const res = await client.request('activate_chat', { chat: { id: chat, access: { group_ids: [1] } } });
    expect(res.payload.error.type).toBe('groups_offline');
    expect((await client.request('activate_chat', { chat: { id: chat, access: { group_ids: [1] } }, continuous: true })).success).toBe(true);
  });
});
