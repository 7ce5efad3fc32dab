import { createElement, useEffect, useInsertionEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { createChatWidget, type ChatWidgetConfig, type Visibility } from '../embed/index';
import { mountedWidgets } from './mounted-widgets';
import { WidgetContext } from './widget-context';
import { handlerName, type WidgetHandlers } from './widget-handlers';
import { createWidgetStore } from './widget-store';

/**
 * <ChatWidget>'s props: the widget's config (DESIGN §2, `createChatWidget`), the customer's
 * identity as separate props, and a handler per event (`onNewEvent`, …).
 *
 * @example
 * const props: ChatWidgetProps = { licenseId: 12345, visibility: 'minimized', customerName: 'Ann', onReady: () => {} };
 */
export type ChatWidgetProps = Omit<ChatWidgetConfig, 'customer'> &
  WidgetHandlers & {
    /** Applied whenever it changes; the visitor may change it too (follow it with `onVisibilityChanged`). */
    visibility?: Visibility;
    /** Sent at login; a change is sent at once (`setCustomerName`). */
    customerName?: string;
    /** Sent at login; a change is sent at once (`setCustomerEmail`). */
    customerEmail?: string;
    /** Sent at login. */
    customerAvatar?: string;
    /** All of the customer's session variables: a change replaces them all (`setSessionVariables`). */
    sessionVariables?: Record<string, string>;
    /** Read by the hooks in them through context; rendered as they are. */
    children?: ReactNode;
  };

// Props that are not config options, or that change without a new widget.
const NOT_CONFIG = /^(children|customer(Name|Email|Avatar)|sessionVariables|getToken|visibility|on[A-Z]\w*)$/;

/**
 * The chat widget, for React ≥ 18: created when this mounts, destroyed (every trace removed) when it
 * unmounts. `visibility`, `customerName`, `customerEmail` and `sessionVariables` apply without a
 * new widget, and handlers may change freely (the latest is called, nothing re-subscribes); a
 * change of any other option makes a new widget. It renders nothing of its own (its children as
 * they are), also on the server, where it touches neither `window` nor `document`. Under
 * StrictMode's double mount, and through quick route changes, one widget is left at the end.
 *
 * @example
 * import { ChatWidget } from 'chatlet/react';
 *
 * function App() {
 *   const [visibility, setVisibility] = useState<Visibility>('minimized');
 *   return (
 *     <ChatWidget licenseId={12345} visibility={visibility} customerName={user.name}
 *       onVisibilityChanged={(e) => setVisibility(e.visibility)} onNewEvent={(e) => console.log(e.type)} />
 *   );
 * }
 */
export function ChatWidget(props: ChatWidgetProps): ReactElement {
  const [store] = useState(createWidgetStore);
  const latest = useRef(props);
  // Before any effect of this commit: a handler called later is always the latest one rendered.
  useInsertionEffect(() => void (latest.current = props));
  // What the current widget was given, so the props' effect sends only what changed since.
  const sent = useRef<{ visibility?: Visibility | undefined; name?: string | undefined; email?: string | undefined; variables?: string }>({});

  const config = Object.fromEntries(Object.entries(props).filter(([key]) => !NOT_CONFIG.test(key))) as Partial<ChatWidgetConfig>;
  // Options compare by value (an object literal each render is no change), elements by identity.
  const options = JSON.stringify(Object.entries(config).filter(([key]) => key != 'target'));
  const hasTokenProvider = !!props.getToken;
  useEffect(() => {
    const p = latest.current;
    const customer = { name: p.customerName, email: p.customerEmail, avatar: p.customerAvatar, fields: p.sessionVariables };
    const widget = createChatWidget();
    widget.init({
      ...config,
      visibility: p.visibility,
      customer: Object.fromEntries(Object.entries(customer).filter(([, v]) => v !== undefined)),
      // The latest provider, so a new function is no new widget.
      getToken: p.getToken && (() => latest.current.getToken!()),
    });
    sent.current = { visibility: p.visibility, name: p.customerName, email: p.customerEmail, variables: JSON.stringify(p.sessionVariables ?? null) };
    const stop = store.attach(widget, (name, payload) => {
      const handler: unknown = latest.current[handlerName(name) as keyof ChatWidgetProps];
      if (typeof handler == 'function') handler(payload);
    });
    const unmount = mountedWidgets.add(store);
    return () => {
      unmount();
      stop();
      widget.destroy();
    };
    // `config` is read through `options` and `target`; the rest through `latest`.
  }, [store, options, props.target, hasTokenProvider]);

  const { visibility, customerName: name, customerEmail: email } = props;
  const variables = JSON.stringify(props.sessionVariables ?? null);
  useEffect(() => {
    const widget = store.get().widget;
    if (!widget) return;
    const was = sent.current;
    if (visibility && visibility != was.visibility) widget[visibility == 'maximized' ? 'maximize' : visibility == 'minimized' ? 'minimize' : 'hide']();
    if (name !== undefined && name != was.name) widget.setCustomerName(name);
    if (email !== undefined && email != was.email) widget.setCustomerEmail(email);
    if (variables != 'null' && variables != was.variables) widget.setSessionVariables(latest.current.sessionVariables!);
    sent.current = { visibility, name, email, variables };
    store.refresh();
  }, [store, visibility, name, email, variables]);

  return createElement(WidgetContext.Provider, { value: store }, props.children);
}
