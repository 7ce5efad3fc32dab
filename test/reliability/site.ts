// The server half of the reliability suites: an in-process sandbox with its fault control on, an
// agent present so chats can start, restarts that keep the state, and the agent's view of a chat.
import { setAgentPresence } from '../../demo/sandbox/routing';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../demo/sandbox/server';
import type { Control } from '../../demo/sandbox/control';
import { AGENT, AGENT_TOKEN, web } from '../sandbox/agent-helpers';
import { LICENSE } from '../sandbox/helpers';

/** A sandbox that can be restarted on the same port with its state. */
export interface Site {
  readonly sandbox: Sandbox;
  readonly control: Control;
  /** Closes the sandbox (every socket drops) and starts it again on the same port, state kept. */
  restart(): Promise<void>;
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
    async restart() {
      await sandbox.close();
      sandbox = await open({ port: sandbox.port, store: sandbox.store });
    },
    close: () => sandbox.close(),
  };
}

/**
 * The texts of a customer's messages as the agent reads them over the Web API: every thread of
 * the customer's chats, in order. Empty when the customer has no chat.
 *
 * @example
 * expect(await agentReads(site.sandbox, customerId)).toEqual(['one', 'two']);
 */
export async function agentReads(sandbox: Sandbox, customerId: string): Promise<string[]> {
  const summary = await web(sandbox, 'get_chats_summary', { limit: 100 }, AGENT_TOKEN);
  if (summary.status !== 200) throw new Error(`get_chats_summary: ${summary.status} ${JSON.stringify(summary.body)}`);
  const chats = (summary.body.chats as { chat: { id: string; users: { id: string }[] } }[])
    .map((c) => c.chat)
    .filter((c) => c.users.some((u) => u.id === customerId));
  const texts: string[] = [];
  for (const chat of chats) {
    const read = await web(sandbox, 'get_chat_threads', { chat_id: chat.id }, AGENT_TOKEN);
    if (read.status !== 200) throw new Error(`get_chat_threads: ${read.status} ${JSON.stringify(read.body)}`);
    for (const thread of read.body.chat.threads as { order: number; events: { type: string; author_id?: string; text?: string }[] }[]) {
      for (const e of thread.events) if (e.type === 'message' && e.author_id === customerId) texts.push(e.text ?? '');
    }
  }
  return texts;
}
