import { ongoingChatKey } from './ongoing-chat-key';

/**
 * What the app marked for this license and group on this or an earlier page: 0 no ongoing chat (or no
 * storage), 1 an ongoing chat, 2 an ongoing chat whose panel was open when the visitor left that page;
 * NaN (falsy, and not above 1) for a value the app did not write.
 *
 * @example
 * const chat = ongoingChat(12345, 0);
 * if (chat == 2) widget.maximize(); // carry on where the visitor was
 * else if (chat) requestIdleCallback(preload);
 */
export function ongoingChat(licenseId: number, groupId: number): number {
  try {
    // '1' or '2'; no key is Number(null), 0. No `|| 0` for junk: the eager script's 2 KB has no room.
    return Number(localStorage.getItem(ongoingChatKey(licenseId, groupId)));
  } catch {
    return 0;
  }
}
