// Helpers for the agent-side sandbox tests: agent RTM logins, Web API calls, a customer with a
// chat routed to the agent, and seed-shape checks that skip the keys a seed marks optional.
import { loadFixtures } from '../../demo/sandbox/fixtures';
import type { Fixtures } from '../../demo/sandbox/fixtures';
import type { Sandbox } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';
import { connect, LICENSE, loginCustomer, missingKeys, repairSample } from './helpers';
import type { Frame, TestClient } from './helpers';

export const AGENT = 'agent@chatlet.test';
export const AGENT_TOKEN = 'demo-agent-token';
export const BOT = 'bot@chatlet.test';
export const BOT_TOKEN = 'demo-bot-token';
export const SALES = 'sales@chatlet.test';
export const SALES_TOKEN = 'demo-sales-token';

/**
 * The default fixtures plus a Sales-only agent (group 1), so tests can have an agent whose
 * access does not reach General's chats and a group 1 that can come online.
 * @example
 * const sandbox = await startTestSandbox({ fixtures: withSalesAgent() });
 */
export function withSalesAgent(): Fixtures {
  const fixtures = loadFixtures();
  fixtures.licenses[0]?.agents.push({ id: SALES, name: 'Sam Sales', token: SALES_TOKEN, groups: [1], permission: 'normal' });
  return fixtures;
}

/**
 * Connects to the agent RTM endpoint and logs in with a token (the human agent by default).
 * @example
 * const { client, login } = await loginAgent(sandbox);
 */
export async function loginAgent(sandbox: Sandbox, token = AGENT_TOKEN): Promise<{ client: TestClient; login: Frame }> {
  const client = await connect(`${sandbox.wsUrl}/v3.0/agent/rtm/ws`);
  const login = await client.request('login', { token: `Bearer ${token}` });
  if (login.success !== true) throw new Error(`agent login failed: ${JSON.stringify(login.payload)}`);
  return { client, login };
}

/** An HTTP answer of the Web API. */
export interface WebAnswer {
  status: number;
  body: Frame;
}

/**
 * POSTs a JSON body (or a raw string/FormData) to a Web API action.
 * @example
 * const { status, body } = await web(sandbox, 'get_customers', {});
 */
export async function web(sandbox: Sandbox, action: string, body: unknown = {}, token: string | null = AGENT_TOKEN): Promise<WebAnswer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let payload: string | FormData;
  if (body instanceof FormData) payload = body;
  else {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(`${sandbox.url}/v3.0/agent/action/${action}`, { method: 'POST', headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Frame) };
}

/**
 * A logged-in agent plus a customer (of `groupId`) whose new chat with one message was routed
 * to it; resolves once the agent got the chat.
 * @example
 * const { agent, customer, chatId, threadId } = await chatWithAgent(sandbox);
 */
export async function chatWithAgent(
  sandbox: Sandbox,
  token = AGENT_TOKEN,
  groupId = 0,
): Promise<{ agent: TestClient; customer: TestClient; customerId: string; chatId: string; threadId: string; eventIds: string[] }> {
  const { client: agent } = await loginAgent(sandbox, token);
  const { client: customer, customerId } = await loginCustomer(sandbox, { group_id: groupId });
  const started = await customer.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hello', custom_id: 'c1' }] } } });
  if (started.success !== true) throw new Error(`start_chat failed: ${JSON.stringify(started.payload)}`);
  const incoming = await agent.next('incoming_chat_thread');
  const chat = incoming.payload.chat;
  return {
    agent,
    customer,
    customerId,
    chatId: chat.id,
    threadId: chat.thread.id,
    eventIds: (chat.thread.events as Frame[]).map((e) => e.id as string),
  };
}

/** A cards rich message with one button whose postback id is the seed's sample id. */
export const RICH: Frame = {
  type: 'rich_message',
  template_id: 'cards',
  elements: [{ title: 'Happy?', buttons: [{ text: 'yes', postback_id: 'Method URL_yes', user_ids: [] }] }],
};

/** The ids of {@link agentScene}'s chat. */
export interface SceneIds {
  chatId: string;
  threadId: string;
  messageId: string;
  richId: string;
  customerId: string;
}

/**
 * The common agent test scene: the agent chatting with a customer (a customer message, then
 * the agent's {@link RICH} card), and the bot logged in but not in the chat.
 * @example
 * const { agent, bot, customer, ids } = await agentScene(sandbox);
 */
export async function agentScene(sandbox: Sandbox): Promise<{ agent: TestClient; bot: TestClient; customer: TestClient; ids: SceneIds }> {
  const setup = await chatWithAgent(sandbox);
  const { client: bot } = await loginAgent(sandbox, BOT_TOKEN);
  const sent = await setup.agent.request('send_event', { chat_id: setup.chatId, event: RICH });
  const ids = { chatId: setup.chatId, threadId: setup.threadId, messageId: setup.eventIds[0] as string, richId: sent.payload.event.id, customerId: setup.customerId };
  return { agent: setup.agent, bot, customer: setup.customer, ids };
}

/**
 * Keys of the seed sample missing from `actual`, leaving out the paths the seed marks optional
 * and the ones that are maps with data keys.
 * @example
 * expect(missingSeedKeys(frame.payload, sample.payload, ['next_page_id'])).toEqual([]);
 */
export function missingSeedKeys(actual: unknown, sample: unknown, optional: string[] = [], maps: string[] = []): string[] {
  return missingKeys(actual, sample, maps).filter((path) => !optional.includes(path));
}

interface WebSampleEntry {
  request?: { json?: Frame; raw?: string };
  response?: { json?: Frame; raw?: string };
}

/**
 * A seed 001 (Web API) sample: the request body and, where the seed shows one, the response
 * body. Broken samples are repaired like helpers.ts repairSample, also dropping the seed's
 * `...` placeholder lines.
 * @example
 * const { request, response } = webSample('get_chat_threads');
 */
export function webSample(method: string): { request?: Frame; response?: Frame } {
  const entry = (samples.agent_web_v3_0.methods as Record<string, WebSampleEntry>)[method];
  const read = (s?: { json?: Frame; raw?: string }): Frame | undefined => {
    if (s?.json) return s.json;
    if (s?.raw === undefined || !s.raw.trimStart().startsWith('{')) return undefined;
    return repairSample(s.raw.replace(/^\s*\.\.\.\s*,?\s*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
  };
  const request = read(entry?.request);
  const response = read(entry?.response);
  return { ...(request && { request }), ...(response && { response }) };
}

export { LICENSE };
