import { describe, expect, it, vi } from 'vitest';
import type { StoreEvents } from '../../../src/chat/store-events';
import { forwardStoreEvents } from '../../../src/embed/forward-store-events';
import { emitter } from '../../../src/protocol/emitter';

describe('forwardStoreEvents', () => {
  it('emits each store event with the public payload only', () => {
    const store = emitter<StoreEvents>();
    const emit = vi.fn();
    forwardStoreEvents(store, emit);
    const event = { id: 'E1', type: 'message', text: 'Hi' } as never;
    store.emit('new_event', { timestamp: 5, type: 'message', author: { id: 'a@x', type: 'agent' }, chatId: 'C', event });
    store.emit('form_submitted', { type: 'prechat' });
    store.emit('rating_submitted', 'good');
    store.emit('rich_message_button_clicked', { eventId: 'E2', postbackId: 'yes' });
    store.emit('availability_changed', { availability: 'online' });
    store.emit('unread_changed', { count: 3 });
    store.emit('connection_changed', { state: 'reconnecting' });
    store.emit('visibility_changed', { visibility: 'maximized' });
    store.emit('customer_status_changed', { status: 'invited' });
    store.emit('greeting_displayed', { id: 7, uniqueId: 'g-7', extra: 1 } as never);
    store.emit('greeting_hidden', { id: 7, uniqueId: 'g-7' });
    expect(emit.mock.calls).toEqual([
      ['new_event', { timestamp: 5, type: 'message', author: { id: 'a@x', type: 'agent' } }],
      ['form_submitted', { type: 'prechat' }],
      ['rating_submitted', 'good'],
      ['rich_message_button_clicked', { eventId: 'E2', postbackId: 'yes' }],
      ['availability_changed', { availability: 'online' }],
      ['unread_changed', { count: 3 }],
      ['connection_changed', { state: 'reconnecting' }],
      ['visibility_changed', { visibility: 'maximized' }],
      ['customer_status_changed', { status: 'invited' }],
      ['greeting_displayed', { id: 7, uniqueId: 'g-7' }],
      ['greeting_hidden', { id: 7, uniqueId: 'g-7' }],
    ]);
  });

  it('stops forwarding', () => {
    const store = emitter<StoreEvents>();
    const emit = vi.fn();
    forwardStoreEvents(store, emit)();
    store.emit('unread_changed', { count: 1 });
    expect(emit).not.toHaveBeenCalled();
  });
});
