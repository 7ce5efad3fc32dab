// A page of an app that embeds the widget from npm: bundled with esbuild and opened in Chromium.
import { createChatWidget, type ChatWidget, type ChatWidgetConfig, type ConnectionState, type WidgetEvents } from 'chatlet';
import { notAny } from './not-any.js';

const params = new URLSearchParams(location.search);
const config: ChatWidgetConfig = { licenseId: 12345, apiUrl: params.get('ws') ?? '', accountsUrl: params.get('http') ?? '' };
const widget: ChatWidget = createChatWidget(config);
notAny(widget);

const seen: string[] = [];
(window as unknown as { seen: string[] }).seen = seen;
widget.on('ready', ({ state, customerData }) => {
  notAny(state);
  seen.push(`ready ${state.visibility} returning=${customerData.isReturning}`);
});
const onEvent = (event: WidgetEvents['new_event']) => seen.push(`new_event ${event.type} ${event.author.type}`);
widget.on('new_event', onEvent);
widget.on('visibility_changed', ({ visibility }) => seen.push(`visibility ${visibility}`));
widget.on('connection_changed', ({ state }: { state: ConnectionState }) => state == 'online' && seen.push('online'));
const offUnread = widget.on('unread_changed', ({ count }) => notAny(count));
offUnread();

// Never called: each line must fail to type-check, or the directive itself is reported as unused.
export function mistakes(): void {
  // @ts-expect-error: licenseId is a number
  createChatWidget({ licenseId: '12345' });
  // @ts-expect-error: no such option
  createChatWidget({ licenseId: 1, licenceId: 1 });
  // @ts-expect-error: no such event
  widget.on('new_events', () => {});
  // @ts-expect-error: a visibility is a name, not a number
  widget.on('visibility_changed', ({ visibility }) => visibility.toFixed());
  // @ts-expect-error: no such getter
  widget.get('chat');
  // @ts-expect-error: chat ids are strings
  const id: number = widget.get('chat_data').chatId;
  notAny(id);
}
