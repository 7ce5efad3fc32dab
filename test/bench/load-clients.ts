// A worker process of `npm run bench:sandbox` (started by sandbox-bench.ts, driven over IPC):
// either many customers, each logged in with a chat, or the fixture's agents. Customers write to
// their agent; agents answer every message. Each message carries its send time, and the receiver
// records the delivery latency (both clocks are this machine's).
import { WebSocket } from 'ws';

/** Orchestrator → worker. */
export type ToWorker =
  | { type: 'setup'; role: 'customers'; wsUrl: string; httpUrl: string; count: number }
  | { type: 'setup'; role: 'agents'; wsUrl: string; tokens: string[] }
  | { type: 'go'; durationMs: number; intervalMs: number }
  | { type: 'stop' };

/** Worker → orchestrator. */
export type FromWorker =
  | { type: 'ready'; connected: number; failed: number; setupMs: number }
  | { type: 'done'; sent: number; received: number; latencies: number[]; errors: number };

const LICENSE = 12345;
const SETUP_CONCURRENCY = 50;
const now = () => performance.timeOrigin + performance.now();
const send = (message: FromWorker) => process.send!(message);

/** A socket with request/response by request_id and a push handler. */
function rtm(url: string, onPush: (frame: Record<string, any>) => void) {
  const ws = new WebSocket(url);
  const pending = new Map<string, (frame: Record<string, any>) => void>();
  let ids = 0;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, any>;
    const answer = frame.type === 'response' ? pending.get(frame.request_id) : undefined;
    if (answer) {
      pending.delete(frame.request_id);
      answer(frame);
    } else if (frame.type === 'push') onPush(frame);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    opened,
    request(action: string, payload: unknown): Promise<Record<string, any>> {
      const id = `r${++ids}`;
      ws.send(JSON.stringify({ request_id: id, action, payload }));
      return new Promise((resolve) => pending.set(id, resolve));
    },
    /** Fire and forget; the answer is not waited for. */
    send(action: string, payload: unknown): void {
      ws.send(JSON.stringify({ request_id: `s${++ids}`, action, payload }));
    },
  };
}

/** Runs `task` for 0..count-1 with at most `limit` in flight. */
async function pool(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await task(next++);
  }));
}

const latencies: number[] = [];
let sent = 0;
let received = 0;
let errors = 0;
let sockets: ReturnType<typeof rtm>[] = [];

// Only one chat per customer socket: the chat id comes from start_chat.
const chats = new Map<ReturnType<typeof rtm>, string>();

async function setupCustomers(wsUrl: string, httpUrl: string, count: number): Promise<number> {
  let failed = 0;
  await pool(count, SETUP_CONCURRENCY, async (i) => {
    try {
      const res = await fetch(`${httpUrl}/customer/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ grant_type: 'cookie', license_id: LICENSE, client_id: 'bench' }),
      });
      const token = (await res.json()) as { access_token: string };
      const socket = rtm(`${wsUrl}/v3.1/customer/rtm/ws?license_id=${LICENSE}`, (frame) => {
        const text = frame.action === 'incoming_event' ? frame.payload?.event?.text : undefined;
        if (typeof text !== 'string' || !text.startsWith('a:')) return;
        received++;
        latencies.push(now() - Number(text.slice(2)));
      });
      await socket.opened;
      const login = await socket.request('login', { token: `Bearer ${token.access_token}`, customer: { name: `Bench ${i}` } });
      if (login.success !== true) throw new Error(JSON.stringify(login.payload));
      const started = await socket.request('start_chat', { chat: { thread: { events: [{ type: 'message', text: 'hello' }] } } });
      if (started.success !== true) throw new Error(JSON.stringify(started.payload));
      chats.set(socket, started.payload.chat.id as string);
      sockets.push(socket);
    } catch {
      failed++;
    }
  });
  return failed;
}

async function setupAgents(wsUrl: string, tokens: string[]): Promise<number> {
  let failed = 0;
  for (const token of tokens) {
    const socket = rtm(`${wsUrl}/v3.0/agent/rtm/ws`, (frame) => {
      const event = frame.action === 'incoming_event' ? frame.payload?.event : undefined;
      if (typeof event?.text !== 'string' || !event.text.startsWith('c:')) return;
      received++;
      latencies.push(now() - Number(event.text.slice(2)));
      sent++;
      socket.send('send_event', { chat_id: frame.payload.chat_id, event: { type: 'message', text: `a:${now()}` } });
    });
    await socket.opened;
    const login = await socket.request('login', { token: `Bearer ${token}` });
    if (login.success === true) sockets.push(socket);
    else failed++;
  }
  return failed;
}

// Each customer writes every `intervalMs`, starting at a random offset so the load is even.
function writeCustomers(durationMs: number, intervalMs: number): Promise<void> {
  const end = Date.now() + durationMs;
  return new Promise((resolve) => {
    let left = sockets.length;
    if (left === 0) resolve();
    for (const socket of sockets) {
      const tick = () => {
        if (Date.now() >= end) return --left === 0 && resolve();
        if (socket.ws.readyState === WebSocket.OPEN) {
          sent++;
          socket.send('send_event', { chat_id: chats.get(socket), event: { type: 'message', text: `c:${now()}` } });
        } else errors++;
        setTimeout(tick, intervalMs);
      };
      setTimeout(tick, Math.random() * intervalMs);
    }
  });
}

let role: 'customers' | 'agents' = 'customers';
process.on('message', async (message: ToWorker) => {
  if (message.type === 'setup') {
    role = message.role;
    const t = Date.now();
    const failed =
      message.role === 'customers'
        ? await setupCustomers(message.wsUrl, message.httpUrl, message.count)
        : await setupAgents(message.wsUrl, message.tokens);
    send({ type: 'ready', connected: sockets.length, failed, setupMs: Date.now() - t });
  } else if (message.type === 'go') {
    if (role === 'customers') await writeCustomers(message.durationMs, message.intervalMs);
  } else {
    for (const socket of sockets) socket.ws.terminate();
    sockets = [];
    // Disconnecting only once the (possibly large) report is written, or it could be lost.
    process.send!({ type: 'done', sent, received, latencies, errors } satisfies FromWorker, () => process.disconnect());
  }
});
