import { effect, type ReadonlySignal } from '@preact/signals-core';
import type { StoreEvents } from './store-events';
import type { Views } from './views';
import type { Greeting } from '../protocol/login-types';
import type { Visibility } from './visibility';

/**
 * What the embed layer hears about the store's signals: each change of the unread count, the
 * availability, the visibility, the customer's status and the greeting on the page (`shownGreeting`)
 * once (their first values are where it started). A chat open on a
 * page in view marks what arrives as seen (`mark`) before its count is reported. Returns the effects'
 * disposers.
 */
export function reportChanges(
  views: Views,
  visibility: ReadonlySignal<Visibility>,
  shownGreeting: ReadonlySignal<Greeting | null>,
  pageVisible: ReadonlySignal<boolean>,
  mark: () => void,
  emit: <K extends keyof StoreEvents>(name: K, ...args: StoreEvents[K]) => void,
): (() => void)[] {
  let lastUnread = 0;
  let lastAvailability = 'unknown';
  let lastVisibility = visibility.peek();
  let lastStatus = views.customerStatus.peek();
  let lastGreeting: { id: number; uniqueId: string } | null = null;
  return [
    effect(() => {
      const count = views.unreadCount.value;
      if (count > 0 && visibility.value === 'maximized' && pageVisible.value) {
        mark();
        // Marked seen at once: this effect runs again with the new count, so report nothing now.
        if (views.unreadCount.peek() === 0) return;
      }
      if (count !== lastUnread) emit('unread_changed', { count: (lastUnread = count) });
    }),
    effect(() => {
      const availability = views.availability.value;
      if (availability === 'unknown' || availability === lastAvailability) return;
      lastAvailability = availability;
      emit('availability_changed', { availability });
    }),
    effect(() => {
      if (visibility.value !== lastVisibility) emit('visibility_changed', { visibility: (lastVisibility = visibility.value) });
    }),
    effect(() => {
      const status = views.customerStatus.value;
      if (status !== lastStatus) emit('customer_status_changed', { status: (lastStatus = status) });
    }),
    // By `unique_id`: a login that brings the same greeting again changes nothing on the page.
    effect(() => {
      const greeting = shownGreeting.value;
      if (greeting?.unique_id === lastGreeting?.uniqueId) return;
      if (lastGreeting) emit('greeting_hidden', lastGreeting);
      lastGreeting = greeting && { id: greeting.id, uniqueId: greeting.unique_id };
      if (lastGreeting) emit('greeting_displayed', lastGreeting);
    }),
  ];
}
