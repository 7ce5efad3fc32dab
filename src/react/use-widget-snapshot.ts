import { useContext, useSyncExternalStore } from 'react';
import { mountedWidgets } from './mounted-widgets';
import { WidgetContext } from './widget-context';
import { noWidget, type WidgetSnapshot } from './widget-store';

const noSubscription = () => () => {};

/**
 * One part of the widget's snapshot, re-rendering when it changes: the widget of the nearest
 * <ChatWidget> above, else the last one mounted anywhere. On the server, and while there is no
 * widget, the part of an empty snapshot.
 */
export function useWidgetSnapshot<T>(part: (snapshot: WidgetSnapshot) => T): T {
  const own = useContext(WidgetContext);
  const mounted = useSyncExternalStore(mountedWidgets.subscribe, mountedWidgets.current, () => null);
  const store = own ?? mounted;
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => part(store?.get() ?? noWidget),
    () => part(noWidget),
  );
}
