import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * How many agent messages the visitor has not seen (the widget's `unread_changed` event); 0 without
 * a widget.
 *
 * @example
 * function SupportLink() {
 *   const unread = useWidgetUnreadCount();
 *   return <a href="/support">Support{unread > 0 && ` (${unread})`}</a>;
 * }
 */
export const useWidgetUnreadCount = (): number => useWidgetSnapshot((s) => s.unreadCount);
