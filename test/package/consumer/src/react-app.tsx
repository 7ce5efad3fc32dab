// A React app with `chatlet/react`: type-checked only (the browser tests run one in both React versions).
import { useState } from 'react';
import {
  ChatWidget,
  useChatWidget,
  useWidgetChatData,
  useWidgetCustomerData,
  useWidgetGreeting,
  useWidgetIsReady,
  useWidgetState,
  useWidgetUnreadCount,
  type ChatWidgetProps,
  type Visibility,
  type WidgetEvents,
} from 'chatlet/react';
import { notAny } from './not-any.js';

function Status() {
  const state = useWidgetState();
  const ready: boolean = useWidgetIsReady();
  const unread: number = useWidgetUnreadCount();
  const chat = useWidgetChatData();
  const customer = useWidgetCustomerData();
  const greeting = useWidgetGreeting();
  const widget = useChatWidget();
  notAny(state);
  notAny(chat);
  notAny(customer);
  notAny(greeting);
  notAny(widget);
  return (
    <p onClick={() => widget?.maximize({ messageDraft: 'Hello' })}>
      {ready && state?.availability == 'online' ? `Online, ${unread} unread` : 'Offline'} {chat?.chatId} {customer?.name} {greeting?.uniqueId}
    </p>
  );
}

export function App({ user }: { user: { name: string; email: string } }) {
  const [visibility, setVisibility] = useState<Visibility>('minimized');
  const onNewEvent = (event: WidgetEvents['new_event']) => console.log(event.author.type, event.type);
  return (
    <ChatWidget
      licenseId={12345}
      locale="de"
      visibility={visibility}
      customerName={user.name}
      customerEmail={user.email}
      sessionVariables={{ plan: 'pro' }}
      onVisibilityChanged={({ visibility }) => setVisibility(visibility)}
      onNewEvent={onNewEvent}
      onUnreadChanged={({ count }) => notAny(count)}
    >
      <Status />
    </ChatWidget>
  );
}

// Never called: each line must fail to type-check, or the directive itself is reported as unused.
export function mistakes(): void {
  // @ts-expect-error: licenseId is a number
  const a = <ChatWidget licenseId="12345" />;
  // @ts-expect-error: licenseId is required
  const b = <ChatWidget />;
  // @ts-expect-error: no such handler
  const c = <ChatWidget licenseId={1} onNewEvents={() => {}} />;
  // @ts-expect-error: a visibility payload holds a name, not a number
  const d = <ChatWidget licenseId={1} onVisibilityChanged={({ visibility }) => visibility.toFixed()} />;
  // @ts-expect-error: the widget's config has no `customer` here: customerName and the like
  const e: ChatWidgetProps = { licenseId: 1, customer: { name: 'Ann' } };
  notAny([a, b, c, d, e]);
}
