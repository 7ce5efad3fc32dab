// The server half of the reliability suites: an in-process sandbox with its fault control on, an
// agent present so chats can start, restarts that keep the state, and the agent's view of a chat.
import { setAgentPresence } from '../../demo/sandbox/routing';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../demo/sandbox/server';
import type { Control } from '../../demo/sandbox/control';
import { request } from 'node:http';
import { AGENT, AGENT_TOKEN } from '../sandbox/agent-helpers';
import { LICENSE } from '../sandbox/helpers';

/** A sandbox that can be restarted on the same port with its state. */
export interface Site {
  readonly sandbox: Sandbox;
  readonly control: Control;
  /**
   * Closes the sandbox (every socket drops) and starts it again on the same port, state kept;
   * `whileDown` runs in between.
   */
  restart(whileDown?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a sandbox on 127.0.0.1:0 with the control surface and an agent accepting chats.
 *
 * @example
 * const site = await startSite();
 * site.control.drop((c) => c.kind === 'customer');
 * await site.close();
 */
export async function startSite(options: SandboxOptions = {}): Promise<Site> {
  const open = (extra: SandboxOptions) =>
    startSandbox({ ...options, ...extra, control: true, timers: { loginMs: 10_000, pingMs: 10_000, ...options.timers } });
  let sandbox = await open({ port: 0 });
  setAgentPresence(sandbox.core, LICENSE, AGENT, { sessionDelta: 1 });
  return {
    get sandbox() {
      return sandbox;
    },
    get control() {
      return sandbox.control!;
    },
    async restart(whileDown) {
      await sandbox.close();
      await whileDown?.();
      sandbox = await open({ port: sandbox.port, store: sandbox.store });
    },
    close: () => sandbox.close(),
  };
}

/**
 * One agent Web API call on a connection of its own (a pooled keep-alive socket would outlive a
 * sandbox restart and fail the next call), as the agent unless another `authorization` (or none).
 *
 * @example
 * const { status, body } = await web(site.sandbox, 'get_customers', {}, null); // 401
 */
export function web(
  sandbox: Sandbox,
  action: string,
  body: unknown,
  authorization: string | null = `Bearer ${AGENT_TOKEN}`,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (authorization !== null) headers.Authorization = authorization;
    const req = request(
      `${sandbox.url}/v3.0/agent/action/${action}`,
      { method: 'POST', agent: false, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** The customer's chats as the agent lists them, most recent activity first. */
async function chatsOf(sandbox: Sandbox, customerId: string): Promise<{ id: string }[]> {
  const summary = await web(sandbox, 'get_chats_summary', { limit: 100 });
  if (summary.status !== 200) throw new Error(`get_chats_summary: ${summary.status} ${JSON.stringify(summary.body)}`);
  return (summary.body.chats as { chat: { id: string; users: { id: string }[] } }[])
    .map((c) => c.chat)
    .filter((c) => c.users.some((u) => u.id === customerId));
}

/**
 * The agent writes `text` into the customer's chat over the Web API; false when there is no chat yet.
 *
 * @example
 * await agentSays(site.sandbox, customerId, 'How can I help?');
 */
export async function agentSays(sandbox: Sandbox, customerId: string, text: string): Promise<boolean> {
  const [chat] = await chatsOf(sandbox, customerId);
  if (!chat) return false;
  const sent = await web(sandbox, 'send_event', { chat_id: chat.id, event: { type: 'message', text, recipients: 'all' } });
  if (sent.status !== 200) throw new Error(`send_event: ${sent.status} ${JSON.stringify(sent.body)}`);
  return true;
}

/**
 * The texts of a customer's messages as the agent reads them over the Web API: every thread of
 * the customer's chats, in order. Empty when the customer has no chat.
 *
 * @example
 * expect(await agentReads(site.sandbox, customerId)).toEqual(['one', 'two']);
 */
export async function agentReads(sandbox: Sandbox, customerId: string): Promise<string[]> {
  const texts: string[] = [];
  for (const chat of (await chatsOf(sandbox, customerId)).reverse()) {
    const read = await web(sandbox, 'get_chat_threads', { chat_id: chat.id });
    if (read.status !== 200) throw new Error(`get_chat_threads: ${read.status} ${JSON.stringify(read.body)}`);
    for (const thread of read.body.chat.threads as { order: number; events: { type: string; author_id?: string; text?: string }[] }[]) {
      for (const e of thread.events) if (e.type === 'message' && e.author_id === customerId) texts.push(e.text ?? '');
    }
  }
  return texts;
}
