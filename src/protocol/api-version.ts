/**
 * The Customer Chat RTM API version the client speaks; it appears in the socket URL
 * (`/v3.1/customer/rtm/ws`) and nowhere else.
 *
 * @example
 * console.log(`chatlet speaks LiveChat Customer Chat API v${API_VERSION}`);
 */
export const API_VERSION = '3.1';
