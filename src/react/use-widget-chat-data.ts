import type { ChatData } from '../embed/index';
import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * The ids of the visitor's chat, once there is one (`get('chat_data')`), else `null`.
 *
 * @example
 * function OrderNote() {
 *   const chat = useWidgetChatData();
 *   return chat ? <small>Chat {chat.chatId}</small> : null;
 * }
 */
export const useWidgetChatData = (): ChatData | null => useWidgetSnapshot((s) => s.chatData);
