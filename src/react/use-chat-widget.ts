import type { ChatWidget } from '../embed/index';
import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * The widget itself, for what props do not cover (LiveChat's adapter has no such hook): open with a
 * draft, report a route change. `null` on the server and until <ChatWidget> has mounted.
 *
 * @example
 * function HelpButton() {
 *   const widget = useChatWidget();
 *   return <button disabled={!widget} onClick={() => widget?.maximize({ messageDraft: 'About my order…' })}>Help</button>;
 * }
 */
export const useChatWidget = (): ChatWidget | null => useWidgetSnapshot((s) => s.widget);
