// Every agent Web API method of seed 001 over real HTTP: the seed's sample body (ids swapped
// for real ones) is answered with 200 and every key of the seed's sample response (or, where
// seed 001 shows none, of the RTM sample's payload, as both share one handler), and the pushes
// it causes reach the agents' and the customer's sockets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentWebHandlers } from '../../demo/sandbox/agent-handlers';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { AGENT, agentScene, BOT, BOT_TOKEN, missingSeedKeys, web, webSample, withSalesAgent } from './agent-helpers';
import type { SceneIds } from './agent-helpers';
import { png } from './file-helpers';
import { seedSample, startTestSandbox } from './helpers';
import type { Frame, TestClient } from './helpers';

let sandbox: Sandbox;
let agent: TestClient;
let bot: TestClient;
let customer: TestClient;
let ids: SceneIds;

beforeEach(async () => {
  sandbox = await startTestSandbox({ fixtures: withSalesAgent() });
  ({ agent, bot, customer, ids } = await agentScene(sandbox));
});
afterEach(() => sandbox.close());

const RTM_PAYLOAD_ONLY = new Set(['get_chats_summary', 'get_archives']);

/** The seed 001 sample body (seed 000's payload where 001 has none) with real ids. */
function body(method: string): Frame {
  const sample = RTM_PAYLOAD_ONLY.has(method) ? seedSample('agent_rtm_v3_0', method).request?.payload : webSample(method).request;
  const b = structuredClone(sample ?? {}) as Frame;
  if ('chat_id' in b) b.chat_id = ids.chatId;
  if ('thread_id' in b) b.thread_id = ids.threadId;
  if ('event_id' in b) b.event_id = method === 'send_rich_message_postback' ? ids.richId : ids.messageId;
  if ('customer_id' in b) b.customer_id = ids.customerId;
  if (b.chat?.id) b.chat.id = ids.chatId;
  if (b.chat?.users) b.chat.users = [{ id: ids.customerId, type: 'customer' }];
  if (b.resource) b.id = ids.chatId;
  if (b.target) b.target.ids = [1];
  if (b.user_id) b.user_id = BOT;
  if (b.thread_ids) b.thread_ids = [ids.threadId];
  // Page ids are opaque ids of this server's own lists, like chat ids: the seed's is foreign.
  delete b.page_id;
  if (b.scopes) b.scopes = { agents: { ids: [AGENT, BOT] }, customers: { ids: [ids.customerId] } };
  return b;
}

function form(fields: Record<string, string>, file: { field: string; name: string; type: string; bytes: Uint8Array<ArrayBuffer> }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(`payload.${k}`, v);
  data.append(`payload.${file.field}`, new Blob([file.bytes], { type: file.type }), file.name);
  return data;
}

const PNG = new Uint8Array(png(2, 2));

interface Case {
  /** Token of the caller (default: the agent in the chat). */
  token?: string;
  prepare?: () => Promise<unknown>;
  send?: () => FormData;
  optional?: string[];
  /** Pushes that must reach sockets: [client, action]. */
  pushes?: Array<[() => TestClient, string]>;
}

const cases: Record<string, Case> = {
  get_chats_summary: {},
  get_chat_threads_summary: { optional: ['next_page_id', 'previous_page_id'] },
  get_chat_threads: {},
  get_filtered_chats: {},
  get_archives: { prepare: () => agent.request('close_thread', { chat_id: ids.chatId }) },
  start_chat: { pushes: [[() => customer, 'incoming_chat_thread'], [() => agent, 'incoming_chat_thread']] },
  activate_chat: {
    prepare: () => agent.request('close_thread', { chat_id: ids.chatId }),
    pushes: [[() => customer, 'incoming_chat_thread'], [() => agent, 'incoming_chat_thread']],
  },
  close_thread: { pushes: [[() => customer, 'thread_closed'], [() => agent, 'thread_closed']] },
  follow_chat: {},
  unfollow_chat: { token: BOT_TOKEN, prepare: () => bot.request('follow_chat', { chat_id: ids.chatId }) },
  grant_access: { pushes: [[() => agent, 'access_granted']] },
  revoke_access: { pushes: [[() => agent, 'access_revoked']] },
  set_access: { pushes: [[() => agent, 'access_set'], [() => customer, 'access_set']] },
  transfer_chat: { pushes: [[() => customer, 'chat_transferred'], [() => agent, 'chat_transferred']] },
  add_user_to_chat: { pushes: [[() => customer, 'chat_user_added'], [() => bot, 'chat_user_added']] },
  remove_user_from_chat: {
    prepare: () => agent.request('add_user_to_chat', { chat_id: ids.chatId, user_id: BOT, user_type: 'agent' }),
    pushes: [[() => customer, 'chat_user_removed'], [() => bot, 'chat_user_removed']],
  },
  send_event: { pushes: [[() => agent, 'incoming_event']] },
  send_rich_message_postback: { pushes: [[() => customer, 'incoming_rich_message_postback'], [() => agent, 'incoming_rich_message_postback']] },
  update_chat_properties: { pushes: [[() => customer, 'chat_properties_updated']] },
  delete_chat_properties: { pushes: [[() => customer, 'chat_properties_deleted']] },
  update_chat_thread_properties: { pushes: [[() => customer, 'chat_thread_properties_updated']] },
  delete_chat_thread_properties: { pushes: [[() => customer, 'chat_thread_properties_deleted']] },
  update_event_properties: { pushes: [[() => customer, 'event_properties_updated']] },
  delete_event_properties: { pushes: [[() => customer, 'event_properties_deleted']] },
  tag_chat_thread: { pushes: [[() => agent, 'chat_thread_tagged']] },
  untag_chat_thread: { prepare: () => web(sandbox, 'tag_chat_thread', body('tag_chat_thread')), pushes: [[() => agent, 'chat_thread_untagged']] },
  get_customers: { optional: ['next_page_id', 'previous_page_id'] },
  create_customer: { pushes: [[() => agent, 'customer_created']] },
  update_customer: { pushes: [[() => agent, 'customer_updated'], [() => customer, 'customer_updated']] },
  ban_customer: { pushes: [[() => agent, 'customer_banned'], [() => customer, 'customer_disconnected']] },
  update_agent: { pushes: [[() => agent, 'agent_updated']] },
  update_last_seen_timestamp: { pushes: [[() => customer, 'last_seen_timestamp_updated']] },
  send_typing_indicator: { pushes: [[() => customer, 'incoming_typing_indicator']] },
  multicast: { pushes: [[() => customer, 'incoming_multicast'], [() => bot, 'incoming_multicast']] },
  send_file: {
    send: () => form({ chat_id: ids.chatId, custom_id: '12345-bhdsa' }, { field: 'file', name: 'test.png', type: 'image/png', bytes: PNG }),
    pushes: [[() => customer, 'incoming_event'], [() => agent, 'incoming_event']],
  },
  upload_image: { send: () => form({}, { field: 'image', name: 'test.png', type: 'image/png', bytes: PNG }) },
};

const methods = Object.keys(agentWebHandlers);

describe('agent Web API methods answer with the seed shapes and push to the sockets', () => {
  it('serves every method seed 001 lists, and the table covers each', () => {
    const listed = Object.keys(samples.agent_web_v3_0.methods);
    expect(listed.filter((m) => !methods.includes(m))).toEqual([]);
    expect(methods.filter((m) => !(m in cases))).toEqual([]);
  });

  it.each(methods)('%s', async (method) => {
    const c = cases[method] as Case;
    await c.prepare?.();
    const marks = new Map((c.pushes ?? []).map(([client]) => [client(), client().frames.length]));
    const res = await web(sandbox, method, c.send?.() ?? body(method), c.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sample = webSample(method).response ?? (RTM_PAYLOAD_ONLY.has(method) ? seedSample('agent_rtm_v3_0', method).response.payload : {});
    expect(missingSeedKeys(res.body, sample, c.optional)).toEqual([]);
    for (const [client, action] of c.pushes ?? []) {
      const socket = client();
      const since = marks.get(socket) ?? 0;
      const pushed = await socket.next((f) => f.type === 'push' && f.action === action && socket.frames.indexOf(f) >= since);
      expect(pushed.request_id).toBeUndefined();
    }
  });
});

describe('agent Web API uploads', () => {
  it('send_file stores the file, serves it back and posts a file event', async () => {
    const res = await web(sandbox, 'send_file', form({ chat_id: ids.chatId }, { field: 'file', name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('hello file') }));
    expect(res.body.url).toMatch(new RegExp(`^${sandbox.url}/files/[0-9a-f]+/notes.txt$`));
    const pushed = await customer.next((f) => f.action === 'incoming_event' && f.payload.event.type === 'file');
    expect(pushed.payload.event).toMatchObject({ name: 'notes.txt', url: res.body.url, content_type: 'text/plain', size: 10, author_id: AGENT });
    const file = await fetch(res.body.url);
    expect(file.headers.get('content-type')).toBe('text/plain');
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect(await file.text()).toBe('hello file');
  });

  it('upload_image answers a url and a path under /files, and refuses non-images', async () => {
    const res = await web(sandbox, 'upload_image', form({}, { field: 'image', name: 'a b.png', type: 'image/png', bytes: PNG }));
    expect(res.body.url).toBe(`${sandbox.url}/files/${res.body.path}`);
    expect(new Uint8Array(await (await fetch(res.body.url)).arrayBuffer())).toEqual(PNG);
    // The bytes decide what an image is, not the declared type.
    const text = await web(sandbox, 'upload_image', form({}, { field: 'image', name: 'x.png', type: 'image/png', bytes: new TextEncoder().encode('not an image') }));
    expect(text).toMatchObject({ status: 400, body: { error: { type: 'validation' } } });
  });

  it('uploads need multipart and the file part; JSON methods refuse multipart', async () => {
    expect((await web(sandbox, 'send_file', { chat_id: ids.chatId })).body.error.type).toBe('validation');
    const noFile = new FormData();
    noFile.append('payload.chat_id', ids.chatId);
    expect((await web(sandbox, 'send_file', noFile)).body.error.message).toContain('payload.file');
    expect((await web(sandbox, 'get_customers', noFile)).status).toBe(400);
    expect((await fetch(`${sandbox.url}/files/0123abcd/none.png`)).status).toBe(404);
  });

  it('accepts the seed 002 request envelope {payload} as well as bare fields', async () => {
    const res = await web(sandbox, 'get_chat_threads', { payload: { chat_id: ids.chatId }, author_id: AGENT });
    expect(res.body.chat.id).toBe(ids.chatId);
  });
});
