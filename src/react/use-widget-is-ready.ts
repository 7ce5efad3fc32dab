import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * Whether the chat has loaded and runs (the widget's `ready` event), until it is destroyed.
 *
 * @example
 * function Badge() {
 *   return useWidgetIsReady() ? <span>Chat ready</span> : null;
 * }
 */
export const useWidgetIsReady = (): boolean => useWidgetSnapshot((s) => s.isReady);
