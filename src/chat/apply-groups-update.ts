// Availability changes arrive as an lc2 multicast (protocol-notes §3, [SDK7]).
import type { GroupStatus, PushMap } from '../protocol/types';
import type { ChatState } from './chat-state';

const STATUSES: readonly string[] = ['online', 'offline', 'online_for_queue'];

/**
 * Applies `incoming_multicast` with `type: 'lc2'` and `content.name: 'groups_update'`, whose
 * `content.groups[]` carry `{id, status}`; every other multicast is ignored.
 *
 * @example
 * applyGroupsUpdate(state, { type: 'lc2', content: { name: 'groups_update', groups: [{ id: 0, status: 'offline' }] } });
 */
export function applyGroupsUpdate(state: ChatState, p: PushMap['incoming_multicast']): ChatState {
  const content = p.content as { name?: unknown; groups?: unknown } | null;
  if (p.type !== 'lc2' || typeof content !== 'object' || content === null || content.name !== 'groups_update') return state;
  if (!Array.isArray(content.groups)) return state;
  const groupStatus = { ...state.groupStatus };
  let changed = false;
  for (const g of content.groups as { id?: unknown; status?: unknown }[]) {
    if (typeof g !== 'object' || g === null || (typeof g.id !== 'number' && typeof g.id !== 'string') || typeof g.status !== 'string') continue;
    const id = String(g.id);
    if (!STATUSES.includes(g.status) || groupStatus[id] === g.status) continue;
    groupStatus[id] = g.status as GroupStatus;
    changed = true;
  }
  return changed ? { ...state, groupStatus } : state;
}
