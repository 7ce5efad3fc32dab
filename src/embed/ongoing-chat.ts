import { ongoingChatKey } from './ongoing-chat-key';

/**
 * How long after the visitor left a page with the chat open the next page opens it again: long enough
 * for a link followed mid-chat, short enough that a visit hours or days later starts minimized.
 */
export const REOPEN_MS = 30 * 60_000;

/**
 * What the app marked for this license and group on this or an earlier page: 0 no ongoing chat (or no
 * storage), 1 an ongoing chat, else an ongoing chat whose panel was open, as the time (ms since the
 * epoch) the visitor left that page with it open; NaN (falsy, and not recent) for a value the app did
 * not write.
 */
export function ongoingChat(licenseId: number, groupId: number): number {
  try {
    // No key is Number(null), 0. No `|| 0` for junk: the eager script's 2 KB has no room.
    return Number(localStorage.getItem(ongoingChatKey(licenseId, groupId)));
  } catch {
    return 0;
  }
}
