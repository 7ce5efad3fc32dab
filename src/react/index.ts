// `chatlet/react`: the widget as a React component, and hooks that read its state. React (≥ 18) is
// the app's own; the widget is the one of `chatlet`, which this entry imports.
export { ChatWidget, type ChatWidgetProps } from './ChatWidget';
export type { WidgetHandlers } from './widget-handlers';
export { useChatWidget } from './use-chat-widget';
export { useWidgetChatData } from './use-widget-chat-data';
export { useWidgetCustomerData } from './use-widget-customer-data';
export { useWidgetGreeting } from './use-widget-greeting';
export { useWidgetIsReady } from './use-widget-is-ready';
export { useWidgetState } from './use-widget-state';
export { useWidgetUnreadCount } from './use-widget-unread-count';
// The types the props and hooks use, as `chatlet` names them (its widget type is `ChatWidget` there).
export type {
  Availability,
  ChatData,
  ChatWidgetConfig,
  CustomerData,
  GreetingInfo,
  Visibility,
  WidgetEventName,
  WidgetEvents,
  WidgetState,
} from '../embed/index';
