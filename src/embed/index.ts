// The npm entry (`import { createChatWidget } from 'chatlet'`): the widget factory and its types.
export { createChatWidget } from './create-chat-widget';
export type * from './types';
export type { ConnectionState } from '../protocol/types';
