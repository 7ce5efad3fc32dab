import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals-core';
import { systemClock, type Clock } from '../protocol/clock';
import { emitter } from '../protocol/emitter';
import type { StorageLike } from '../protocol/safe-storage';
import { createActions } from './actions';
import type { Attachments, Upload } from './attachments';
import { createChannel } from './channel';
import type { ChatClient } from './chat-client';
import { customIdGenerator } from './custom-id';
import { errorInfo } from './error-info';
import type { FileStore } from './file-store';
import { newEvents } from './new-events';
import { createOutbox } from './outbox';
import { pushBatcher } from './push-batcher';
import { resync } from './resync';
import { seenMarker } from './seen-marker';
import { createSender } from './sender';
import { createSneakPeekThrottle } from './sneak-peek-throttle';
import type { Change } from './state/change';
import { initialChatState, type ChatState } from './state/chat-state';
import { fromPush } from './state/from-push';
import { fromReply } from './state/from-reply';
import { reduce } from './state/reduce';
import { selectCurrentChat } from './state/selectors';
import type { StoreEvents } from './store-events';
import type { StoreInternals } from './store-internals';
import { typingTimers } from './typing-timers';
import { createViews, type ConnectionView } from './views';
import type { Visibility } from './visibility';

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions {
  client: ChatClient;
  /** Where the outbox persists: localStorage when `undefined`, memory only when `null`. */
  storage?: StorageLike | null;
  licenseId: number | string;
  groupId?: number;
  /** The chat's visibility to start with (default `minimized`); the store owns it from then on. */
  visibility?: Visibility;
  clock?: Clock;
  random?: () => number;
  /**
   * Applies pushes that arrive back to back in one state change (on a 0 ms timer of `clock`); anything
   * that reads or changes the state applies them first. The widget turns this on, so a burst of
   * incoming events renders once, not once per frame.
   */
  batchPushes?: boolean;
  /** The largest file the visitor may attach, in bytes (default 10 MB, `upload_file`'s limit). */
  maxFileSize?: number;
  /** Where attached files survive a reload (default IndexedDB) and how they upload: fakes in tests. */
  files?: FileStore;
  upload?: Upload;
}

/**
 * The widget's chat store over a customer client: the chat state in a signal (only the reducer
 * changes it, only the store assigns it), the computed views the UI reads, the visibility, draft and
 * connection signals it owns, and the actions, the only way anything changes. It restores the
 * persisted outbox at once; `actions.connect()` goes online. `dispose()` releases every listener,
 * effect and timer (the client belongs to the caller).
 */
export function createChatStore(options: ChatStoreOptions) {
  const { client } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const groupId = options.groupId ?? 0;
  const state = signal<ChatState>(initialChatState(groupId));
  const connection = signal<ConnectionView>({ state: client.state, reason: null });
  const visibility = signal<Visibility>(options.visibility ?? 'minimized');
  const draft = signal('');
  const progress = signal<Record<string, number>>({});
  const previews = signal<Record<string, string>>({});
  const blobs = new Map<string, Blob>();
  const events = emitter<StoreEvents>();
  let disposed = false;
  let attachments: Attachments | undefined;
  let loadingAttachments: Promise<Attachments> | undefined;

  const pushes = options.batchPushes ? pushBatcher(clock, (changes) => dispatch(...changes)) : null;
  const typing = typingTimers(clock, () => state.peek(), (change) => dispatch(change));

  function dispatch(...changes: Change[]): void {
    if (disposed) return;
    pushes?.flush();
    const before = state.peek();
    let next = before;
    const fresh: StoreEvents['new_event'][0][] = [];
    for (const change of changes) {
      const prior = next;
      next = reduce(next, change);
      if (change.type === 'events_added' && change.live && next !== prior) fresh.push(...newEvents(prior, next, change, clock.now()));
    }
    if (next === before) return;
    batch(() => {
      state.value = next;
      for (const change of changes) typing.follow(change);
    });
    for (const e of fresh) events.emit('new_event', e);
  }

  const channel = createChannel({ client, clock, random, sync: (login, isCurrent) => resync(s, login, isCurrent), fail: (a, e) => s.fail(a, e) });
  const s: StoreInternals = {
    client,
    channel,
    clock,
    groupId,
    getState: () => {
      pushes?.flush();
      return state.peek();
    },
    dispatch,
    dispatchReply: (action, request, response) => dispatch(...fromReply(action, request, response)),
    emit: events.emit,
    fail: (action, error) => dispatch({ type: 'action_failed', error: errorInfo(action, error) }),
    attachments: () =>
      (loadingAttachments ??= import('./attachments').then(
        (m) => {
          if (disposed) throw new Error('chatlet: the chat store was disposed');
          const { files, upload } = options;
          return (attachments = m.createAttachments(s, { entries: views.outbox, blobs, progress, previews, run: () => void sender.run(), files, upload, random }));
        },
        (error: unknown) => {
          loadingAttachments = undefined;
          throw error;
        },
      )),
  };

  const views = createViews(state, connection);
  const outbox = createOutbox({
    storage: options.storage,
    licenseId: options.licenseId,
    entries: views.outbox,
    dispatch,
    newId: customIdGenerator(() => clock.now(), random),
    now: () => clock.now(),
  });
  const sender = createSender(s);
  const peek = createSneakPeekThrottle({
    clock,
    send(text) {
      const chat = selectCurrentChat(state.peek());
      if (!chat?.active || !channel.isOpen()) return false;
      // Best effort (protocol-notes §8): a lost sneak peek is replaced by the next.
      client.request('send_sneak_peek', { chat_id: chat.id, sneak_peek_text: text }).catch(() => undefined);
      return true;
    },
  });
  const maxFileSize = options.maxFileSize ?? 10 * 1024 * 1024;
  const actions = createActions(s, { outbox, sender, peek, visibility, draft, blobs, maxFileSize });
  // Files waiting since the last page: their bytes are read back (or the visitor told to attach again).
  if (views.outbox.peek().some((e) => e.file)) void s.attachments().catch(() => undefined);
  const mark = seenMarker(s, () => visibility.peek() === 'maximized');
  channel.onOpen(mark);

  const stops = [
    client.on('connection_state', (next, info) => {
      connection.value = { state: next, reason: info?.reason ?? null };
      events.emit('connection_changed', { state: next });
    }),
    client.on('push', (name, payload) => {
      const changes = fromPush(name, payload);
      if (changes.length === 0) return;
      if (pushes) pushes.push(changes);
      else dispatch(...changes);
    }),
  ];

  // The greeting bubble is on the page while the widget is minimized (the UI renders this).
  const shownGreeting = computed(() => (visibility.value === 'minimized' ? views.greeting.value : null));

  // What the embed layer hears about: each change once (the first values are where it started).
  let lastUnread = 0;
  let lastAvailability = 'unknown';
  let lastVisibility = visibility.peek();
  let lastStatus = views.customerStatus.peek();
  let lastGreeting: { id: number; uniqueId: string } | null = null;
  stops.push(
    effect(() => {
      const count = views.unreadCount.value;
      if (count > 0 && visibility.value === 'maximized') {
        mark();
        // Marked seen at once: this effect runs again with the new count, so report nothing now.
        if (views.unreadCount.peek() === 0) return;
      }
      if (count !== lastUnread) events.emit('unread_changed', { count: (lastUnread = count) });
    }),
    effect(() => {
      const availability = views.availability.value;
      if (availability === 'unknown' || availability === lastAvailability) return;
      lastAvailability = availability;
      events.emit('availability_changed', { availability });
    }),
    effect(() => {
      if (visibility.value !== lastVisibility) events.emit('visibility_changed', { visibility: (lastVisibility = visibility.value) });
    }),
    effect(() => {
      const status = views.customerStatus.value;
      if (status !== lastStatus) events.emit('customer_status_changed', { status: (lastStatus = status) });
    }),
    // By `unique_id`: a login that brings the same greeting again changes nothing on the page.
    effect(() => {
      const greeting = shownGreeting.value;
      if (greeting?.unique_id === lastGreeting?.uniqueId) return;
      if (lastGreeting) events.emit('greeting_hidden', lastGreeting);
      lastGreeting = greeting && { id: greeting.id, uniqueId: greeting.unique_id };
      if (lastGreeting) events.emit('greeting_displayed', lastGreeting);
    }),
  );

  return {
    state: state as ReadonlySignal<ChatState>,
    ...views,
    connection: connection as ReadonlySignal<ConnectionView>,
    visibility: visibility as ReadonlySignal<Visibility>,
    draft: draft as ReadonlySignal<string>,
    shownGreeting,
    /** Each uploading file's progress (0 to 1) by custom_id; a queued file without one waits its turn. */
    uploadProgress: progress as ReadonlySignal<Record<string, number>>,
    /** The object URL of each image waiting in the outbox, by custom_id, for its thumbnail. */
    previews: previews as ReadonlySignal<Record<string, string>>,
    maxFileSize,
    actions,
    on: events.on,
    dispose(): void {
      if (disposed) return;
      disposed = true;
      pushes?.dispose();
      channel.dispose();
      for (const stop of stops) stop();
      outbox.dispose();
      attachments?.dispose();
      typing.dispose();
      peek.dispose();
      events.clear();
    },
  };
}

/** The store {@link createChatStore} returns. */
export type ChatStore = ReturnType<typeof createChatStore>;
