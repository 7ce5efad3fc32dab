import type { WidgetEventName } from './types';

/** Every event name a widget emits, for checking `on`/`off` arguments. */
export const widgetEvents: readonly WidgetEventName[] = [
  'ready',
  'visibility_changed',
  'availability_changed',
  'new_event',
  'form_submitted',
  'rating_submitted',
  'rich_message_button_clicked',
  'unread_changed',
  'connection_changed',
  'customer_status_changed',
  'greeting_displayed',
  'greeting_hidden',
];
