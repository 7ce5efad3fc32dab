// Test-only fault injection (off unless startSandbox({control:true})). Every outgoing frame of
// every transport passes through `deliver`, so a fault applies the same way to customer and
// agent sockets: drop connections (also right before a response), silence them while they stay
// open, delay frames, duplicate or reorder pushes.

/** What the control surface knows about one open connection. */
export interface ConnectionInfo {
  id: number;
  kind: 'customer' | 'agent';
  licenseId?: number;
  /** Customer or agent id once logged in. */
  userId?: string;
  remote: string;
}

/** A connection the control surface can act on (implemented by the hub's sessions). */
export interface ControlledConnection {
  info(): ConnectionInfo;
  write(text: string): void;
  terminate(): void;
  close(code: number, reason: string): void;
}

export interface Control {
  /** Open connections, oldest first. */
  connections(): ConnectionInfo[];
  /**
   * Drops the matching connections: abruptly (no close frame, like a lost network) unless a
   * close `code` is given. Returns how many were dropped.
   */
  drop(filter: (c: ConnectionInfo) => boolean, options?: { code?: number; reason?: string }): number;
  /**
   * Arms a one-shot fault: the next response to `action` (one name or several) on a connection
   * `filter` accepts (default: customer connections) is not sent, and that connection is dropped
   * abruptly instead. The handler has already run, so the server stored whatever the request
   * asked for while the client never hears back — the hard case for exactly-once delivery. The
   * pushes that request made still reach everyone else.
   */
  dropOnResponse(action: string | readonly string[], filter?: (c: ConnectionInfo) => boolean): void;
  /**
   * Makes the matching connections half-open: they stay open and the server keeps reading and
   * handling their requests, but nothing is written to them any more (responses, pushes, ping
   * replies), like a link whose return path died. Returns how many were silenced.
   */
  halfOpen(filter: (c: ConnectionInfo) => boolean): number;
  /** Delays every later outgoing frame by `ms` (order kept per connection); 0 turns it off. */
  delay(ms: number): void;
  /** Sends every push `times` times (1 = normal). */
  duplicatePushes(times: number): void;
  /** While on, pushes queued in the same tick reach each connection in reverse order. */
  reorderPushes(on: boolean): void;
  /** Back to no faults (an armed `dropOnResponse` is disarmed; silenced connections stay silent). */
  reset(): void;
  /** The one outgoing path: transports call this for every frame. */
  deliver(conn: ControlledConnection, text: string, isPush: boolean): void;
  /** Cancels pending delayed or held frames (the sandbox calls this on close). */
  dispose(): void;
}

/**
 * Creates the control surface over the live connections the hub lists.
 * @example
 * const control = createControl(() => [...hub.sessions]);
 * control.drop((c) => c.kind === 'customer');
 */
export function createControl(list: () => ControlledConnection[]): Control {
  let delayMs = 0;
  let copies = 1;
  let reorder = false;
  const timers = new Set<NodeJS.Timeout>();
  const notBefore = new WeakMap<ControlledConnection, number>();
  const held = new Map<ControlledConnection, string[]>();
  let flushScheduled: NodeJS.Immediate | undefined;
  let dropArmed: { actions: readonly string[]; filter: (c: ConnectionInfo) => boolean } | undefined;
  const silenced = new WeakSet<ControlledConnection>();

  /** Whether `text` is the response the armed drop waits for, on a connection it targets. */
  const isArmedResponse = (conn: ControlledConnection, text: string): boolean => {
    if (!dropArmed || !dropArmed.filter(conn.info())) return false;
    const frame = JSON.parse(text) as { type?: unknown; action?: unknown };
    return frame.type === 'response' && dropArmed.actions.includes(frame.action as string);
  };

  const write = (conn: ControlledConnection, text: string): void => {
    if (silenced.has(conn)) return;
    if (delayMs <= 0) return conn.write(text);
    const at = Math.max(Date.now() + delayMs, notBefore.get(conn) ?? 0);
    notBefore.set(conn, at);
    const timer = setTimeout(() => {
      timers.delete(timer);
      conn.write(text);
    }, at - Date.now());
    timers.add(timer);
  };

  const flushHeld = (): void => {
    flushScheduled = undefined;
    for (const [conn, texts] of held) for (const text of texts.reverse()) write(conn, text);
    held.clear();
  };

  return {
    connections: () => list().map((c) => c.info()),
    drop(filter, options = {}) {
      const victims = list().filter((c) => filter(c.info()));
      for (const c of victims) {
        if (options.code === undefined) c.terminate();
        else c.close(options.code, options.reason ?? '');
      }
      return victims.length;
    },
    dropOnResponse(action, filter = (c) => c.kind === 'customer') {
      dropArmed = { actions: typeof action === 'string' ? [action] : action, filter };
    },
    halfOpen(filter) {
      const victims = list().filter((c) => filter(c.info()));
      for (const c of victims) silenced.add(c);
      return victims.length;
    },
    delay(ms) {
      delayMs = Math.max(0, ms);
    },
    duplicatePushes(times) {
      copies = Math.max(1, Math.floor(times));
    },
    reorderPushes(on) {
      reorder = on;
    },
    reset() {
      delayMs = 0;
      copies = 1;
      reorder = false;
      dropArmed = undefined;
    },
    deliver(conn, text, isPush) {
      if (!isPush && isArmedResponse(conn, text)) {
        dropArmed = undefined;
        return conn.terminate();
      }
      const n = isPush ? copies : 1;
      for (let i = 0; i < n; i++) {
        if (isPush && reorder) {
          held.set(conn, [...(held.get(conn) ?? []), text]);
          flushScheduled ??= setImmediate(flushHeld);
        } else {
          write(conn, text);
        }
      }
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (flushScheduled) clearImmediate(flushScheduled);
      held.clear();
    },
  };
}
