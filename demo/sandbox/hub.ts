// Live connections and push fan-out. A transport opens a Session per socket; handlers push
// through the hub, which sends every frame through one path (the control surface when it is
// on). Pushes made while a request runs are held until its response has been sent.
import type { WebSocket } from 'ws';
import type { Control, ConnectionInfo, ControlledConnection } from './control';
import { push } from './protocol';
import type { Payload } from './protocol';

export type SessionKind = 'customer' | 'agent';

/** One open socket (customer or agent). `licenseId`/`userId` are set once known. */
export interface Session extends ControlledConnection {
  readonly id: number;
  readonly kind: SessionKind;
  licenseId?: number;
  userId?: string;
  readonly remote: string;
  /** Sends a frame (response or push) through the hub's single outgoing path. */
  send(frame: Payload, isPush?: boolean): void;
}

/** The request a push answers: its copy to `session` carries `requestId` (protocol-notes §1). */
export interface Origin {
  session: Session;
  requestId?: string;
}

export interface Hub {
  readonly sessions: Set<Session>;
  /**
   * Wraps a socket in a session and tracks it until it closes; `translate` rewrites every push
   * to it (the customer API's dialect, dialect.ts).
   */
  open(kind: SessionKind, socket: WebSocket, remote: string, licenseId?: number, translate?: (push: Payload) => Payload): Session;
  /** Binds a logged-in customer session to its customer id. */
  registerCustomer(session: Session, licenseId: number, customerId: string): void;
  /** Binds a logged-in agent session to its agent id. */
  registerAgent(session: Session, licenseId: number, agentId: string): void;
  customerSessions(customerId: string): Session[];
  agentSessions(licenseId: number, agentId?: string): Session[];
  /** Pushes to one session (with `request_id` if it is the origin's). */
  pushToSession(session: Session, action: string, payload: unknown, origin?: Origin): void;
  /** Pushes to every session of a customer. */
  pushToCustomer(customerId: string, action: string, payload: unknown, origin?: Origin): void;
  /** Pushes to every logged-in agent session of a license the predicate accepts. */
  pushToAgents(licenseId: number, predicate: (agentId: string) => boolean, action: string, payload: unknown, origin?: Origin): void;
  /** Pushes to every logged-in customer session of a license. */
  pushToCustomers(licenseId: number, action: string, payload: unknown): void;
  /**
   * Runs a request handler, holding its pushes: the caller sends the response, then calls
   * `flush()` so pushes follow the response. Handlers must be synchronous.
   */
  collect<T>(fn: () => T): { result: { ok: true; value: T } | { ok: false; error: unknown }; flush(): void };
  /** Terminates every socket. */
  closeAll(): void;
}

/**
 * Creates the hub; with a control surface every frame goes through `control.deliver`.
 * @example
 * const hub = createHub();
 * hub.pushToCustomer(customerId, 'customer_side_storage_updated', { customer_side_storage: {} });
 */
export function createHub(getControl: () => Control | undefined = () => undefined): Hub {
  const sessions = new Set<Session>();
  // Logged-in sessions by user, and the agents': a push looks up its few sessions instead of
  // scanning every socket (thousands of customers in `npm run bench:sandbox`).
  const byUser = new Map<string, Set<Session>>();
  const agents = new Set<Session>();
  const unindex = (session: Session): void => {
    const mine = session.userId === undefined ? undefined : byUser.get(session.userId);
    mine?.delete(session);
    if (mine?.size === 0) byUser.delete(session.userId!);
    agents.delete(session);
  };
  const index = (session: Session, licenseId: number, userId: string): void => {
    unindex(session);
    session.licenseId = licenseId;
    session.userId = userId;
    let mine = byUser.get(userId);
    if (!mine) byUser.set(userId, (mine = new Set()));
    mine.add(session);
    if (session.kind === 'agent') agents.add(session);
  };
  let nextId = 1;
  let held: Array<() => void> | undefined;

  const later = (fn: () => void): void => {
    if (held) held.push(fn);
    else fn();
  };

  const hub: Hub = {
    sessions,
    open(kind, socket, remote, licenseId, translate) {
      const session: Session = {
        id: nextId++,
        kind,
        remote,
        ...(licenseId !== undefined && { licenseId }),
        info: (): ConnectionInfo => ({
          id: session.id,
          kind,
          ...(session.licenseId !== undefined && { licenseId: session.licenseId }),
          ...(session.userId !== undefined && { userId: session.userId }),
          remote,
        }),
        write(text) {
          if (socket.readyState !== socket.OPEN) return;
          socket.send(text, (err) => err && socket.terminate());
        },
        terminate: () => socket.terminate(),
        close: (code, reason) => socket.close(code, reason),
        send(frame, isPush = false) {
          const text = JSON.stringify(isPush && translate ? translate(frame) : frame);
          const control = getControl();
          if (control) control.deliver(session, text, isPush);
          else session.write(text);
        },
      };
      sessions.add(session);
      socket.once('close', () => {
        sessions.delete(session);
        unindex(session);
      });
      return session;
    },
    registerCustomer: index,
    registerAgent: index,
    customerSessions: (customerId) => [...(byUser.get(customerId) ?? [])].filter((s) => s.kind === 'customer'),
    agentSessions: (licenseId, agentId) =>
      [...((agentId === undefined ? agents : byUser.get(agentId)) ?? [])].filter(
        (s) => s.kind === 'agent' && s.licenseId === licenseId && s.userId !== undefined && (agentId === undefined || s.userId === agentId),
      ),
    pushToSession(session, action, payload, origin) {
      const requestId = origin?.session === session ? origin.requestId : undefined;
      later(() => session.send(push(action, payload, requestId), true));
    },
    pushToCustomer(customerId, action, payload, origin) {
      for (const s of hub.customerSessions(customerId)) hub.pushToSession(s, action, payload, origin);
    },
    pushToAgents(licenseId, predicate, action, payload, origin) {
      for (const s of hub.agentSessions(licenseId)) if (predicate(s.userId as string)) hub.pushToSession(s, action, payload, origin);
    },
    pushToCustomers(licenseId, action, payload) {
      for (const s of sessions) {
        if (s.kind === 'customer' && s.licenseId === licenseId && s.userId !== undefined) hub.pushToSession(s, action, payload);
      }
    },
    collect(fn) {
      const outer = held;
      const mine: Array<() => void> = [];
      held = mine;
      let result: { ok: true; value: ReturnType<typeof fn> } | { ok: false; error: unknown };
      try {
        result = { ok: true, value: fn() };
      } catch (error) {
        result = { ok: false, error };
      } finally {
        held = outer;
      }
      return {
        result,
        flush: () => {
          for (const f of mine) later(f);
        },
      };
    },
    closeAll() {
      for (const s of sessions) s.terminate();
    },
  };
  return hub;
}
