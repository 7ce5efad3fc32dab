import { createTabClient, type Connection } from '../chat/tab-client';
import { openTabLink, type TabChannel } from '../chat/tab-link';
import { systemClock } from '../protocol/clock';

/**
 * This tab among the visitor's tabs of `licenseId` and `groupId`: a client that shares one connection
 * with them (chat/tab-client.ts), or `undefined` where the browser has no Web Locks or no
 * BroadcastChannel, and the tab keeps a connection of its own. The names carry a version, so tabs
 * running another release of the widget keep to themselves.
 */
export function joinTabs(licenseId: number, groupId: number, connection: () => Connection) {
  const locks = navigator.locks;
  if (!locks || typeof BroadcastChannel != 'function') return;
  const link = openTabLink({
    name: `chatlet1:${licenseId}:${groupId}`,
    id: Math.random().toString(36).slice(2),
    locks,
    channel: (name) => new BroadcastChannel(name) as unknown as TabChannel,
  });
  return createTabClient({ link, connection, clock: systemClock });
}
