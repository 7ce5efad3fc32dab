import type { RtmError } from '../protocol/rtm-error';
import type { Connection } from './tab-client';
import type { TabMessage } from './tab-link';
import type { TabState } from './tab-start';

/**
 * The leader's side, loaded with the first tab that joins (or at once by a tab that takes over from
 * another): it welcomes every tab (those that follow another leader, or none yet, take
 * it as theirs), relays its connection's state, logins and pushes from then on, and returns the
 * function that answers the others: a joining tab's `hello` with a `welcome`, a `connect` by
 * connecting, a `call` (a request, a read receipt, the upload's access) with its `reply`, the connection's answer or refusal.
 */
export function serve(core: TabState, conn: Connection): (m: TabMessage) => void {
  const { link } = core;
  // The login's list of chats is from before a tab joined: without it (as from a server that sends
  // none), the tab's sync asks for them (resync.ts).
  const welcome = (to?: string) => {
    const known = conn.state == 'online' ? core.login : undefined;
    link.post({ t: 'welcome', to, state: conn.state, info: core.info, pushes: known ? core.since : [], login: known && { ...known, chats: undefined as never } });
  };
  welcome();
  conn.on('connection_state', (state, info) => link.post({ t: 'state', state, info }));
  conn.on('login', (login) => link.post({ t: 'login', login }));
  conn.on('push', (name, payload, requestId) => link.post({ t: 'push', name, payload, requestId }));
  return (m) => {
    const to = m.from;
    if (m.t == 'hello') welcome(to);
    else if (m.t == 'connect') void conn.connect().catch(() => undefined);
    else if (m.t == 'call') {
      const [a, b] = m.args as [never, never];
      (m.op == 'seen' ? conn.markChatSeen(a, b) : m.op == 'access' ? conn.uploadAccess(a) : conn.request(a, b)).then(
        (value) => link.post({ t: 'reply', to, id: m.id, value }),
        (e: RtmError) => link.post({ t: 'reply', to, id: m.id, error: { type: e?.type ?? 'internal', message: String(e?.message ?? e), data: e?.data } }),
      );
    }
  };
}
