// Shared helpers for sandbox tests (customer and agent side): start the sandbox in-process on
// port 0, talk to it through real `ws` sockets, and read the seed samples to compare shapes.
import { WebSocket } from 'ws';
import { startSandbox } from '../../demo/sandbox/server';
import type { Sandbox, SandboxOptions } from '../../demo/sandbox/server';
import samples from '../fixtures/seed-samples.json';

/** A JSON frame as received. */
export type Frame = Record<string, any>;

/** License of the default fixtures. */
export const LICENSE = 12345;

/**
 * Starts a sandbox on 127.0.0.1:0 with the control surface on and short timers unless given.
 * @example
 * const sandbox = await startTestSandbox({ timers: { pingMs: 300 } });
 * afterEach(() => sandbox.close());
 */
export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, control: true, ...options, timers: { loginMs: 5_000, pingMs: 5_000, agentPingMs: 5_000, ...options.timers } });
}

export interface TestClient {
  ws: WebSocket;
  /** Every frame received so far, in order. */
  frames: Frame[];
  /** Sends a request with a fresh request_id and resolves with its response (success or error). */
  request(action: string, payload?: unknown): Promise<Frame>;
  /** Sends anything (object → JSON, string as is). */
  send(raw: unknown): void;
  /**
   * Resolves with the first not-yet-returned frame matching (a push action name or a predicate),
   * looking at frames already received first; rejects after `timeoutMs`.
   */
  next(match: string | ((f: Frame) => boolean), timeoutMs?: number): Promise<Frame>;
  /** Pushes received so far with this action. */
  pushes(action: string): Frame[];
  /** Resolves when the socket has closed. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

let requestCounter = 0;

/**
 * Opens a socket to `url` and resolves once it is open.
 * @example
 * const c = await connect(`${sandbox.wsUrl}/v3.1/customer/rtm/ws?license_id=12345`);
 */
export function connect(url: string): Promise<TestClient> {
  const ws = new WebSocket(url);
  const frames: Frame[] = [];
  const returned = new Set<Frame>();
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    try {
      frames.push(JSON.parse(String(data)) as Frame);
    } catch {
      frames.push({ unparsed: String(data) });
    }
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const w of [...waiters]) w();
    });
  });
  const client: TestClient = {
    ws,
    frames,
    send: (raw) => ws.send(typeof raw === 'string' ? raw : JSON.stringify(raw)),
    next(match, timeoutMs = 2_000) {
      const test = typeof match === 'string' ? (f: Frame) => f.type === 'push' && f.action === match : match;
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = frames.find((f) => !returned.has(f) && test(f));
          if (!found) return;
          returned.add(found);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no frame matching ${typeof match === 'string' ? match : 'predicate'} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    request(action, payload = {}) {
      const id = `t${++requestCounter}`;
      client.send({ request_id: id, action, payload });
      return client.next((f) => f.type === 'response' && f.request_id === id);
    },
    pushes: (action) => frames.filter((f) => f.type === 'push' && f.action === action),
    closed,
    close() {
      ws.close();
      return closed.then(() => undefined);
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
  });
}

/**
 * Connects a customer socket (not logged in).
 * @example
 * const c = await connectCustomer(sandbox);
 */
export function connectCustomer(sandbox: Sandbox, licenseId: number = LICENSE): Promise<TestClient> {
  return connect(`${sandbox.wsUrl}/v3.1/customer/rtm/ws?license_id=${licenseId}`);
}

/**
 * Mints a token, connects and logs a customer in; `entityId` reuses an existing customer.
 * @example
 * const { client, customerId } = await loginCustomer(sandbox, { customer: { name: 'Ann' } });
 */
export async function loginCustomer(
  sandbox: Sandbox,
  extra: Record<string, unknown> = {},
  entityId?: string,
): Promise<{ client: TestClient; customerId: string; login: Frame }> {
  const token = sandbox.issueCustomerToken(LICENSE, entityId);
  const client = await connectCustomer(sandbox);
  const login = await client.request('login', { token: `Bearer ${token.access_token}`, ...extra });
  if (login.success !== true) throw new Error(`login failed: ${JSON.stringify(login.payload)}`);
  return { client, customerId: token.entity_id, login };
}

type SampleApi = 'customer_rtm_v3_1' | 'agent_rtm_v3_0' | 'agent_web_v3_0';
interface SampleEntry {
  request: { json?: Frame; raw?: string };
  request_optional?: { json?: Frame; raw?: string };
  response: { json?: Frame; raw?: string };
  push_message: string | string[];
}

/**
 * Parses a seed sample kept raw because the seed's JSON is broken: strips `//` comments,
 * adds missing commas between members and closes unbalanced braces.
 * @example
 * repairSample('{"a": {"b": 1}'); // {a:{b:1}}
 */
export function repairSample(raw: string): Frame {
  let text = raw.replace(/\s\/\/[^\n]*/g, '').replace(/([}\]"\d])(\s*\n\s*")/g, '$1,$2');
  const opens = (text.match(/{/g) ?? []).length - (text.match(/}/g) ?? []).length;
  text += '}'.repeat(Math.max(0, opens));
  return JSON.parse(text) as Frame;
}

/**
 * A method's seed samples: request, optional-params request, response (repaired if needed)
 * and the push names of its "Push message" row.
 * @example
 * const { response, pushes } = seedSample('customer_rtm_v3_1', 'close_thread');
 */
export function seedSample(api: SampleApi, method: string): { request?: Frame; requestOptional?: Frame; response: Frame; pushes: string[] } {
  const entry = (samples[api].methods as Record<string, SampleEntry>)[method];
  if (!entry) throw new Error(`no seed sample for ${api}.${method}`);
  const read = (s?: { json?: Frame; raw?: string }): Frame | undefined => s?.json ?? (s?.raw !== undefined ? repairSample(s.raw) : undefined);
  const response = read(entry.response);
  if (!response) throw new Error(`seed sample ${api}.${method} has no response`);
  let requestOptional: Frame | undefined;
  try {
    requestOptional = read(entry.request_optional);
  } catch {
    // Some optional-params samples are beyond repair (e.g. a stray `{`); they are simply absent.
  }
  return {
    ...(read(entry.request) && { request: read(entry.request) }),
    ...(requestOptional && { requestOptional }),
    response,
    pushes: Array.isArray(entry.push_message) ? entry.push_message : [],
  };
}

/**
 * Keys of `sample` that `actual` lacks, as dotted paths, recursing into non-empty sample
 * objects (the first item of arrays). Empty sample objects stand for "any object"; paths in
 * `maps` are maps with data-dependent keys (group ids, event types) and only need to be objects.
 * @example
 * expect(missingKeys(frame.payload, seedSample(api, 'get_groups_status').response.payload, ['groups_status'])).toEqual([]);
 */
export function missingKeys(actual: unknown, sample: unknown, maps: string[] = [], path = ''): string[] {
  if (Array.isArray(sample)) {
    if (!Array.isArray(actual)) return [`${path} (array)`];
    return sample.length > 0 && actual.length > 0 ? missingKeys(actual[0], sample[0], maps, `${path}[0]`) : [];
  }
  if (typeof sample !== 'object' || sample === null) return [];
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${path} (object)`];
  if (maps.includes(path)) return [];
  const out: string[] = [];
  const a = actual as Record<string, unknown>;
  for (const [k, v] of Object.entries(sample)) {
    const p = path ? `${path}.${k}` : k;
    if (!(k in a)) out.push(p);
    else out.push(...missingKeys(a[k], v, maps, p));
  }
  return out;
}
