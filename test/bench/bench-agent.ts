// The agent side of the browser benchmarks: one agent logged in over the agent RTM API (so group 0
// is online and new visitors get the prechat form), which can also write into a chat.
import type { Sandbox } from '../../demo/sandbox/server';
import { connect, type TestClient } from '../sandbox/helpers';

/** A logged-in agent socket. */
export interface BenchAgent {
  client: TestClient;
  /** Sends a message to a chat the agent is in, without waiting for the answer. */
  send(chatId: string, text: string): void;
  close(): Promise<void>;
}

let requests = 0;

/**
 * Logs `agent@chatlet.test` in on the sandbox's agent RTM endpoint.
 *
 * @example
 * const agent = await loginBenchAgent(sandbox);
 * agent.send(chatId, 'Hello');
 */
export async function loginBenchAgent(sandbox: Sandbox): Promise<BenchAgent> {
  const client = await connect(`${sandbox.wsUrl}/v3.0/agent/rtm/ws`);
  const login = await client.request('login', { token: 'Bearer demo-agent-token' });
  if (login.success !== true) throw new Error(`agent login failed: ${JSON.stringify(login.payload)}`);
  return {
    client,
    send: (chatId, text) =>
      client.send({ request_id: `bench-${++requests}`, action: 'send_event', payload: { chat_id: chatId, event: { type: 'message', text } } }),
    close: () => client.close(),
  };
}
