import type { GreetingInfo } from '../embed/index';
import { useWidgetSnapshot } from './use-widget-snapshot';

/**
 * The greeting the visitor sees, from the widget's `greeting_displayed` event until
 * `greeting_hidden`; `null` when none is shown.
 *
 * @example
 * function Hint() {
 *   const greeting = useWidgetGreeting();
 *   return greeting ? <p>An agent has a message for you</p> : null;
 * }
 */
export const useWidgetGreeting = (): GreetingInfo | null => useWidgetSnapshot((s) => s.greeting);
