import { RtmError } from '../protocol/rtm-error';
import type { TabCore } from './tab-client';
import type { CallOp, TabMessage } from './tab-link';

// A relayed call the leader never answers (it went with its tab unnoticed) fails like a request the
// server never answers.
const CALL_TIMEOUT_MS = 20_000;
type Call = { resolve(value: unknown): void; reject(error: RtmError): void; timer: unknown };

/**
 * A follower's side of the tab client (loaded with the first message from another tab): it follows
 * the tab that leads, which announces itself with its connection state (or welcomes this tab with it),
 * hears its logins and pushes, and relays this tab's calls to it. Calls to a leader that another
 * replaces, or that the tab's own lead replaces, fail with `fail`.
 */
export function follow(core: TabCore) {
  const calls = new Map<number, Call>();
  let leader: string | undefined;
  let callId = 0;

  const settle = (id: number, value?: unknown, error?: RtmError) => {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    core.clock.clearTimeout(call.timer);
    if (error) call.reject(error);
    else call.resolve(value);
  };
  const fail = (error: RtmError) => {
    for (const id of [...calls.keys()]) settle(id, undefined, error);
  };

  return {
    heard(m: TabMessage): void {
      if (core.leads) return;
      if (m.t == 'state' || (m.t == 'welcome' && m.from != leader)) {
        if (m.from != leader) {
          fail(new RtmError('connection_lost', 'The leading tab went away'));
          leader = m.from;
        }
        core.changed(m.state, m.info);
        if (m.t == 'state') return;
        if (m.login) core.loggedIn(m.login);
        for (const p of m.pushes) core.pushed(p.name, p.payload);
      } else if (m.from != leader) return;
      else if (m.t == 'login') core.loggedIn(m.login);
      else if (m.t == 'push') core.pushed(m.name, m.payload, m.requestId);
      else if (m.t == 'reply') settle(m.id, m.value, m.error && new RtmError(m.error.type, m.error.message, m.error.data));
    },
    call(op: CallOp, args: unknown[], action: string): Promise<never> {
      return new Promise((resolve, reject) => {
        const id = ++callId;
        const timer = core.clock.setTimeout(() => settle(id, undefined, new RtmError('request_timeout', `No answer to ${action}`)), CALL_TIMEOUT_MS);
        calls.set(id, { resolve: resolve as Call['resolve'], reject, timer });
        core.link.post({ t: 'call', to: leader, id, op, args });
      });
    },
    /** Asks the leader to connect (after its connection paused). */
    connect(): void {
      if (leader) core.link.post({ t: 'connect', to: leader });
    },
    fail,
  };
}

/** The object {@link follow} returns. */
export type Follower = ReturnType<typeof follow>;
