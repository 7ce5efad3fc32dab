// The page's event handlers of one widget: checked names, handlers called in order, and one
// throwing handler never keeping the others from their event.
import { logError } from './log-error';
import type { WidgetEventName } from './types';
import { widgetEvents } from './widget-events';

type Handler = (payload: any) => void;

/** What {@link eventHandlers} returns. */
export interface EventHandlers {
  /** Adds a handler; returns its unsubscribe, or `undefined` (and logs why) for bad arguments. */
  on(name: string, handler: unknown): (() => void) | undefined;
  off(name: string, handler: unknown): void;
  has(name: string, handler: unknown): boolean;
  emit(name: WidgetEventName, payload: unknown): void;
  clear(): void;
}

/** A widget's handler registry. */
export function eventHandlers(): EventHandlers {
  const handlers = new Map<string, Set<Handler>>();
  const known = (name: string) =>
    widgetEvents.includes(name as WidgetEventName) || (logError(`unknown event "${name}"; events: ${widgetEvents.join(', ')}`), false);
  const events: EventHandlers = {
    on(name, handler) {
      if (!known(name)) return undefined;
      if (typeof handler != 'function') return logError(`on("${name}") expects a function`, handler), undefined;
      handlers.set(name, (handlers.get(name) ?? new Set()).add(handler as Handler));
      return () => events.off(name, handler);
    },
    off(name, handler) {
      if (known(name)) handlers.get(name)?.delete(handler as Handler);
    },
    has: (name, handler) => !!handlers.get(name)?.has(handler as Handler),
    emit(name, payload) {
      handlers.get(name)?.forEach((handler) => {
        try {
          handler(payload);
        } catch (e) {
          console.error(e);
        }
      });
    },
    clear: () => handlers.clear(),
  };
  return events;
}
