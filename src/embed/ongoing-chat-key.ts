/**
 * The localStorage key the app sets while the visitor has an ongoing chat, so the eager script on the
 * next page can load the chat on idle without waiting for a hover, and open it if it was open.
 */
export function ongoingChatKey(licenseId: number, groupId: number): string {
  return `chatlet:ongoing:${licenseId}:${groupId}`;
}
