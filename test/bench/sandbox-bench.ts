// `npm run bench:sandbox`: the sandbox under many customers on loopback. For 1,000 and 5,000
// concurrent customers (spread over a few worker processes, each customer logged in with a chat
// routed to one of the fixture's two agents), every customer writes to its agent at a steady rate
// and the agents answer each message; delivery latency both ways, messages per second and the
// sandbox's memory. Bounded: a fixed number of sockets, 20 s of traffic per size, then everything stops.
//
//   BENCH_SIZES=1000,5000   customers per round      BENCH_SECONDS=20   traffic per round
//   BENCH_INTERVAL_MS=10000 each customer writes this often (the agents answer every message)
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { startSandbox } from '../../demo/sandbox/server';
import type { FromWorker, ToWorker } from './load-clients';

const sizes = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 10_000);
const WORKERS = 4;
const AGENT_TOKENS = ['demo-agent-token', 'demo-bot-token'];
// Answers still on their way when the traffic stops get this long to arrive.
const DRAIN_MS = 3000;
const WORKER_TIMEOUT_MS = 120_000;
const mb = (bytes: number) => bytes / 2 ** 20;

// Each customer socket takes a descriptor in a worker and one in the sandbox: check before starting.
const limit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
if (Number.isFinite(limit) && limit < Math.max(...sizes) + 1024) {
  console.error(`bench:sandbox: needs ${Math.max(...sizes) + 1024} open files, the limit is ${limit}: run \`ulimit -n 65536\` first`);
  process.exit(1);
}

/** A worker process running load-clients.ts, with a way to await its next message. */
function worker(): { child: ChildProcess; next(): Promise<FromWorker>; send(m: ToWorker): void } {
  const child = spawn(process.execPath, ['demo/run-ts.mjs', 'test/bench/load-clients.ts'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const inbox: FromWorker[] = [];
  const waiting: ((m: FromWorker) => void)[] = [];
  child.on('message', (m: FromWorker) => (waiting.length ? waiting.shift()!(m) : inbox.push(m)));
  return {
    child,
    next: () =>
      inbox.length
        ? Promise.resolve(inbox.shift()!)
        : new Promise((resolve, reject) => {
            // A worker that died or hangs fails the round instead of the bench waiting for ever.
            const timer = setTimeout(() => reject(new Error(`worker ${child.pid} did not answer within ${WORKER_TIMEOUT_MS / 1000} s`)), WORKER_TIMEOUT_MS);
            waiting.push((m) => {
              clearTimeout(timer);
              resolve(m);
            });
          }),
    send: (m) => child.send(m),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Round {
  customers: number;
  connected: number;
  setupS: number;
  offered: number;
  delivered: number;
  toAgent: number[];
  toCustomer: number[];
  /** The sandbox process: before any socket, with every customer connected (both after a GC), and at its peak under traffic. */
  memory: { idleMb: number; connectedMb: number; connectedHeapMb: number; peakMb: number };
  errors: number;
}

// With `node --expose-gc` (the npm script passes it) memory is read after a full collection.
const settledMemory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
};

async function round(customers: number): Promise<Round> {
  const sandbox = await startSandbox({ port: 0, timers: { loginMs: 120_000, pingMs: 600_000, agentPingMs: 600_000 } });
  const agents = worker();
  const clients = Array.from({ length: WORKERS }, worker);
  try {
    const idle = settledMemory();
    const t = Date.now();
    agents.send({ type: 'setup', role: 'agents', wsUrl: sandbox.wsUrl, tokens: AGENT_TOKENS });
    const agentsReady = await agents.next();
    if (agentsReady.type !== 'ready' || agentsReady.failed > 0) throw new Error('the agents could not log in');
    clients.forEach((c, i) =>
      c.send({
        type: 'setup',
        role: 'customers',
        wsUrl: sandbox.wsUrl,
        httpUrl: sandbox.url,
        count: Math.floor(customers / WORKERS) + (i < customers % WORKERS ? 1 : 0),
      }),
    );
    const ready = await Promise.all(clients.map((c) => c.next()));
    const connected = ready.reduce((n, r) => n + (r.type === 'ready' ? r.connected : 0), 0);
    const setupS = (Date.now() - t) / 1000;
    const withCustomers = settledMemory();

    // Peak memory of the sandbox's process while the traffic runs.
    let peak = process.memoryUsage();
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      if (m.rss > peak.rss) peak = m;
    }, 250);
    for (const c of clients) c.send({ type: 'go', durationMs: seconds * 1000, intervalMs });
    await new Promise((r) => setTimeout(r, seconds * 1000 + DRAIN_MS));
    clearInterval(sampler);

    const results = await Promise.all([agents, ...clients].map(async (w) => (w.send({ type: 'stop' }), w.next())));
    const [fromAgents, ...fromClients] = results.map((r) => (r.type === 'done' ? r : { sent: 0, received: 0, latencies: [], errors: 1 }));
    const toCustomer = fromClients.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const toAgent = fromAgents!.latencies.sort((a, b) => a - b);
    return {
      customers,
      connected,
      setupS,
      offered: (connected * 1000) / intervalMs,
      delivered: (toAgent.length + toCustomer.length) / seconds,
      toAgent,
      toCustomer,
      memory: { idleMb: mb(idle.rss), connectedMb: mb(withCustomers.rss), connectedHeapMb: mb(withCustomers.heapUsed), peakMb: mb(peak.rss) },
      errors: fromClients.reduce((n, r) => n + r.errors, 0),
    };
  } finally {
    for (const w of [agents, ...clients]) if (w.child.exitCode === null) w.child.kill();
    await sandbox.close();
  }
}

const started = Date.now();
const load = loadavg()[0]!;
const rounds: Round[] = [];
for (const size of sizes) {
  console.error(`bench:sandbox: ${size} customers`);
  rounds.push(await round(size));
}
const ms = (v: number) => v.toFixed(1);
console.log('| customers | connected (setup s) | msgs/s offered | msgs/s delivered | customer→agent p50 / p99 ms | agent→customer p50 / p99 ms | sandbox RSS MB: idle → connected → peak | heap MB connected |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rounds) {
  console.log(
    `| ${r.customers} | ${r.connected} (${r.setupS.toFixed(1)}) | ${(2 * r.offered).toFixed(0)} | ${r.delivered.toFixed(0)} | ` +
      `${ms(percentile(r.toAgent, 50))} / ${ms(percentile(r.toAgent, 99))} | ${ms(percentile(r.toCustomer, 50))} / ${ms(percentile(r.toCustomer, 99))} | ` +
      `${r.memory.idleMb.toFixed(0)} → ${r.memory.connectedMb.toFixed(0)} → ${r.memory.peakMb.toFixed(0)} | ${r.memory.connectedHeapMb.toFixed(0)} |`,
  );
}
console.log(`
Loopback only; the sandbox runs in this process, customers in ${WORKERS} worker processes, both agents in one more.
Setup is from the first customer's token request to the last one's chat (worker start-up included).
Each customer writes every ${intervalMs / 1000} s for ${seconds} s and the agents answer each message (so twice that is offered).
Latency is from the sender's send to the receiver's socket, on this machine's clock. ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'},
Node ${process.version}, load average ${load.toFixed(2)} at the start. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
