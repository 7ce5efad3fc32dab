// Maps the chat store's domain events to the public widget events, keeping only the payload fields
// LiveChat's widget API documents (the store's events carry more for the UI's own use).
import type { StoreEvents } from '../chat/store-events';
import type { WidgetEvents } from './types';

/** The store's `on`, as far as forwarding needs it. */
export type StoreEventSource = {
  on<K extends keyof StoreEvents>(name: K, fn: (...args: StoreEvents[K]) => void): () => void;
};

/** Forwards every store event to `emit` with its public payload; returns the function that stops. */
export function forwardStoreEvents(
  store: StoreEventSource,
  emit: <K extends keyof WidgetEvents>(name: K, payload: WidgetEvents[K]) => void,
): () => void {
  const stops = [
    store.on('new_event', ({ timestamp, type, author }) => emit('new_event', { timestamp, type, author })),
    store.on('form_submitted', ({ type }) => emit('form_submitted', { type })),
    store.on('rating_submitted', (rating) => emit('rating_submitted', rating)),
    store.on('rich_message_button_clicked', ({ eventId, postbackId }) =>
      emit('rich_message_button_clicked', { eventId, postbackId }),
    ),
    store.on('availability_changed', ({ availability }) => emit('availability_changed', { availability })),
    store.on('unread_changed', ({ count }) => emit('unread_changed', { count })),
    store.on('connection_changed', ({ state }) => emit('connection_changed', { state })),
    store.on('visibility_changed', ({ visibility }) => emit('visibility_changed', { visibility })),
    store.on('customer_status_changed', ({ status }) => emit('customer_status_changed', { status })),
    store.on('greeting_displayed', ({ id, uniqueId }) => emit('greeting_displayed', { id, uniqueId })),
    store.on('greeting_hidden', ({ id, uniqueId }) => emit('greeting_hidden', { id, uniqueId })),
  ];
  return () => stops.forEach((stop) => stop());
}
