import type { StateInfo } from '../protocol/client-types';
import { systemClock } from '../protocol/clock';
import type { LoginResponse } from '../protocol/types';
import type { ChatClient } from './chat-client';
import type { Connection } from './tab-client';
import type { TabLink, TabMessage } from './tab-link';
import type { TabNote, TabPeers } from './tab-peers';

/** What the tab that leads knows of its connection, to welcome a tab that joins (tab-serve.ts). */
export interface TabState {
  link: TabLink;
  /** What the connection's last state change said (its state is the connection's `state`). */
  info: StateInfo;
  login: LoginResponse | undefined;
  /** Pushes since the last login that change what it says (availability), for a tab that joins. */
  since: { name: string; payload: unknown }[];
}

/** This tab's client among the visitor's tabs, its peers, and how it leaves them (with its connection). */
export interface TabSeat {
  client: ChatClient;
  peers: TabPeers;
  close(): void;
}

/** Where {@link startTabs} found this tab: `join` makes its seat; `leave` when it never does. */
export interface Tabs {
  join(connection: () => Connection): TabSeat;
  leave(): void;
}

/** `since` after a push: the availability pushes, the last 20. */
export const keepSince = (since: TabState['since'], name: string, payload: unknown) =>
  name == 'incoming_multicast' ? [...since.slice(-19), { name, payload }] : since;

/** The stores' notes over the link (`TabPeers` without `leads`). */
export const notesOver = (link: TabLink): Omit<TabPeers, 'leads'> => ({
  post: (note) => link.post({ t: 'note', note }),
  listen: (fn) => link.listen((m) => m.t == 'note' && fn(m.note as TabNote)),
});

/**
 * Finds where this tab stands among the visitor's tabs before the app starts: if no tab holds the
 * lead, it takes it at once and holds it, and its seat is its own connection, as a single tab's is
 * (a visitor's first page, the common case, loads none of the code that relays it). A tab that joins
 * later is served by tab-serve.ts, which loads with the first message another tab sends. If another
 * tab leads, this one loads the tab client (tab-client.ts) first: it follows that tab, and queues
 * for the lead after it.
 */
export function startTabs(link: TabLink): Promise<Tabs> {
  return new Promise((resolve, reject) =>
    link.lead((leads) => {
      const found = (join: Tabs['join']) => resolve({ join, leave: link.close });
      if (leads) found((connection) => lead(link, connection()));
      else
        import('./tab-client').then(
          (m) =>
            found((connection) => {
              const client = m.createTabClient({ link, connection, clock: systemClock });
              return { client, peers: client, close: client.close };
            }),
          (error) => {
            // Not loaded (offline?): the next start asks again, on a link of its own.
            link.close();
            reject(error);
          },
        );
    }, true),
  );
}

function lead(link: TabLink, conn: Connection): TabSeat {
  const known: TabState = { link, info: {}, login: undefined, since: [] };
  conn.on('connection_state', (_, info) => (known.info = info));
  conn.on('login', (login) => Object.assign(known, { login, since: [] }));
  conn.on('push', (name, payload) => (known.since = keepSince(known.since, name, payload)));
  let serving: Promise<(m: TabMessage) => void> | undefined;
  link.listen((m) => {
    if (m.t == 'note') return;
    (serving ??= import('./tab-serve').then((part) => part.serve(known, conn))).then(
      (answer) => answer(m),
      () => (serving = undefined),
    );
  });
  return {
    client: conn,
    peers: { leads: true, ...notesOver(link) },
    close() {
      // The link first: the others must not hear this connection close, only see the next leader come.
      link.close();
      conn.close();
    },
  };
}
