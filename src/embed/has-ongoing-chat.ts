import { ongoingChatKey } from './ongoing-chat-key';

/**
 * Whether the app marked a chat with this license and group as ongoing (on this or an earlier page);
 * `false` when storage is unavailable.
 *
 * @example
 * if (hasOngoingChat(12345, 0)) requestIdleCallback(preload);
 */
export function hasOngoingChat(licenseId: number, groupId: number): boolean {
  try {
    return !!localStorage.getItem(ongoingChatKey(licenseId, groupId));
  } catch {
    return false;
  }
}
