import type { WidgetEventName, WidgetEvents } from '../embed/index';

/** `new_event` → `NewEvent`. */
type Pascal<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/**
 * A handler prop for each widget event, named as LiveChat's adapter names them: `onReady`,
 * `onVisibilityChanged`, `onNewEvent`, `onUnreadChanged`, … with the event's payload.
 *
 * @example
 * const handlers: WidgetHandlers = { onNewEvent: (e) => console.log(e.author.type, e.type) };
 */
export type WidgetHandlers = { [K in WidgetEventName as `on${Pascal<K>}`]?: (payload: WidgetEvents[K]) => void };

/**
 * The handler prop of an event.
 *
 * @example
 * handlerName('visibility_changed'); // 'onVisibilityChanged'
 */
export const handlerName = (event: string): string => 'on' + event.replace(/(?:^|_)(\w)/g, (_, c: string) => c.toUpperCase());
