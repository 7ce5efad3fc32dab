import { openTabLink, type TabChannel } from '../chat/tab-link';
import { startTabs, type Tabs } from '../chat/tab-start';

/**
 * Where this tab stands among the visitor's tabs of `licenseId` and `groupId` (chat/tab-start.ts), or
 * `undefined` where the browser has no Web Locks or no BroadcastChannel, and the tab keeps a
 * connection of its own. The names carry a version, so tabs running another release of the widget
 * keep to themselves.
 */
export function joinTabs({ licenseId, groupId }: { licenseId: number; groupId: number }): Promise<Tabs | undefined> {
  const locks = navigator.locks;
  if (!locks || typeof BroadcastChannel != 'function') return Promise.resolve(undefined);
  const link = openTabLink({
    name: `chatlet1:${licenseId}:${groupId}`,
    id: Math.random().toString(36).slice(2),
    locks,
    channel: (name) => new BroadcastChannel(name) as unknown as TabChannel,
  });
  return startTabs(link);
}
