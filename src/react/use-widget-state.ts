import type { WidgetState } from '../embed/index';
import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * The widget's availability and visibility, as `get('state')` answers them, re-rendering on each
 * change. Unlike LiveChat's, it has a value as soon as the widget exists, before `ready`; `null`
 * only without a widget (on the server, before mount).
 *
 * @example
 * function Status() {
 *   const state = useWidgetState();
 *   return <span>{state?.availability == 'online' ? 'We are online' : 'Leave us a message'}</span>;
 * }
 */
export const useWidgetState = (): WidgetState | null => useWidgetSnapshot((s) => s.state);
