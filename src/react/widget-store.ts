// What the React hooks read about one widget, kept in step with its events: a snapshot replaced on
// every change, whose parts keep their identity while their content stays the same, so each hook
// re-renders only when its own part changes. Framework-free: React reads it through
// useSyncExternalStore. Unlike the widget's own handlers, its subscribers outlive destroy(), so a
// hook follows the widget a <ChatWidget> makes after a route change or a new config.
import type { ChatData, ChatWidget, CustomerData, GreetingInfo, WidgetEventName, WidgetState } from '../embed/index';
import { widgetEvents } from '../embed/widget-events';

/** Everything the hooks read. */
export interface WidgetSnapshot {
  widget: ChatWidget | null;
  isReady: boolean;
  state: WidgetState | null;
  customerData: CustomerData | null;
  chatData: ChatData | null;
  greeting: GreetingInfo | null;
  unreadCount: number;
}

/** No widget: on the server, before mount, after unmount. */
export const noWidget: WidgetSnapshot = {
  widget: null,
  isReady: false,
  state: null,
  customerData: null,
  chatData: null,
  greeting: null,
  unreadCount: 0,
};

/** A widget's mirror: what the hooks read, and the subscription React makes. */
export interface WidgetStore {
  get(): WidgetSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Follows `widget` until the returned stop, which empties the snapshot again; `onEvent` gets each
   * event after the snapshot has taken it in.
   */
  attach(widget: ChatWidget, onEvent: (name: WidgetEventName, payload: unknown) => void): () => void;
  /** Reads the widget's getters again (after the page set the customer's name, say). */
  refresh(): void;
}

type Payload = Record<string, any>;
// What an event says that no getter answers. (Every event also re-reads the getters, so
// `customer_status_changed` brings the new status into customerData.)
const fromEvent: Record<string, (payload: Payload) => Partial<WidgetSnapshot>> = {
  ready: () => ({ isReady: true }),
  unread_changed: ({ count }) => ({ unreadCount: count }),
  greeting_displayed: ({ id, uniqueId }) => ({ greeting: { id, uniqueId } }),
  greeting_hidden: () => ({ greeting: null }),
};

// The getters answer a new object each time: equal content keeps the part the hooks already have.
// (The widget itself is compared by identity.)
const same = (key: string, a: unknown, b: unknown) => a === b || (key != 'widget' && JSON.stringify(a) === JSON.stringify(b));

/**
 * A store for one widget at a time. `events` are the names it subscribes to (the widget's, by default).
 *
 * @example
 * const store = createWidgetStore();
 * const stop = store.attach(widget, (name, payload) => console.log(name, payload));
 * store.get().state?.visibility; // 'minimized'
 */
export function createWidgetStore(events: readonly string[] = widgetEvents): WidgetStore {
  let snapshot = noWidget;
  const listeners = new Set<() => void>();
  const replace = (next: WidgetSnapshot) => {
    snapshot = next;
    listeners.forEach((listener) => listener());
  };
  const set = (patch: Partial<WidgetSnapshot>) => {
    const changed = Object.entries(patch).filter(([key, value]) => !same(key, snapshot[key as keyof WidgetSnapshot], value));
    if (changed.length) replace({ ...snapshot, ...Object.fromEntries(changed) });
  };
  const refresh = () => {
    const { widget } = snapshot;
    if (!widget) return;
    const chat = widget.get('chat_data');
    set({ state: widget.get('state'), customerData: widget.get('customer_data'), chatData: chat.chatId ? chat : null });
  };
  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach(widget, onEvent) {
      replace({ ...noWidget, widget });
      refresh();
      const stops = events.map((name) =>
        widget.on(name as WidgetEventName, (payload: unknown) => {
          if (snapshot.widget != widget) return;
          set(fromEvent[name]?.(payload as Payload) ?? {});
          refresh();
          onEvent(name as WidgetEventName, payload);
        }),
      );
      return () => {
        stops.forEach((stop) => stop());
        if (snapshot.widget == widget) replace(noWidget);
      };
    },
    refresh,
  };
}
