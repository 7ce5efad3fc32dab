// The chat store: the reducer's state in a signal, computed selectors, actions, and the client wiring.
import { batch, effect, signal, type ReadonlySignal } from '@preact/signals-core';
import { backoff } from '../protocol/backoff';
import { systemClock, type Clock } from '../protocol/clock';
import { emitter } from '../protocol/emitter';
import type { StorageLike } from '../protocol/safe-storage';
import type { LoginResponse } from '../protocol/types';
import type { PushAction } from './chat-action';
import type { ChatClient } from './chat-client';
import { initialChatState, type ChatState } from './chat-state';
import type { ChatStoreEvents } from './chat-store-events';
import { createActions, type ChatActions } from './create-actions';
import { customIdGenerator } from './custom-id';
import { errorInfo, isConnectionError } from './error-info';
import { newEvents } from './new-events';
import { createOutbox } from './outbox';
import { pushBatcher } from './push-batcher';
import { reduce } from './reducer';
import { resync } from './resync';
import { createViews } from './create-views';
import { selectCurrentChat } from './selectors';
import { seenMarker } from './seen-marker';
import { createSendPump } from './send-pump';
import { createSneakPeekThrottle } from './sneak-peek-throttle';
import type { StoreContext } from './store-context';
import { typingTimers } from './typing-timers';

/**
 * Options of {@link createChatStore}.
 *
 * @example
 * const options: ChatStoreOptions = { client, storage: localStorage, licenseId: 12345, groupId: 0 };
 */
export interface ChatStoreOptions {
  client: ChatClient;
  /** Where the outbox persists: localStorage when `undefined`, memory only when `null`. */
  storage?: StorageLike | null;
  licenseId: number | string;
  groupId?: number;
  clock?: Clock;
  random?: () => number;
  /**
   * Applies server pushes that arrive back to back in one state change (on a 0 ms timer of `clock`)
   * instead of one by one; anything that reads or changes the state applies them first. The widget
   * turns this on, so a burst of incoming events renders once, not once per frame.
   */
  batchPushes?: boolean;
}

/**
 * Creates the widget's chat store over a customer client. `state` and the computed signals are
 * read-only: only the store assigns, by reducing actions. Restores the persisted outbox at once;
 * call `actions.connect()` to go online. `dispose()` releases every listener, effect and timer
 * (the client itself belongs to the caller).
 *
 * @example
 * const store = createChatStore({ client, storage: localStorage, licenseId: 12345, groupId: 0 });
 * store.on('new_event', (e) => console.log(e.type));
 * await store.actions.connect();
 * await store.actions.sendMessage('Hello!');
 * store.timeline.value.at(-1)?.status; // 'pending' → 'sent'
 */
export function createChatStore(options: ChatStoreOptions) {
  const { client } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const groupId = options.groupId ?? 0;
  const state = signal<ChatState>(initialChatState(groupId));
  const visible = signal(false);
  const events = emitter<ChatStoreEvents>();
  const outbox = createOutbox({ storage: options.storage, licenseId: options.licenseId });
  let synced = false;
  let generation = 0;
  let disposed = false;
  let resyncTimer: unknown;

  const pushes = options.batchPushes ? pushBatcher(clock, (actions) => batch(() => actions.forEach((a) => ctx.applyPush(a)))) : null;

  const ctx: StoreContext = {
    client,
    clock,
    groupId,
    getState: () => {
      pushes?.flush();
      return state.peek();
    },
    dispatch(...actions) {
      if (disposed) return;
      pushes?.flush();
      const before = state.peek();
      const after = actions.reduce(reduce, before);
      if (after === before) return;
      state.value = after;
      // Only the outbox is persisted, and only when it changed.
      if (after.localSends !== before.localSends) outbox.save(after.localSends);
    },
    applyPush(action: PushAction) {
      batch(() => {
        const before = state.peek();
        ctx.dispatch(action);
        for (const e of newEvents(before, state.peek(), action, clock.now())) events.emit('new_event', e);
        typing.follow(action);
      });
    },
    emit: events.emit,
    isSynced: () => synced && !disposed,
    fail: (action, error) => ctx.dispatch({ type: 'action_failed', error: errorInfo(action, error) }),
  };

  const typing = typingTimers(ctx);
  const pump = createSendPump(ctx, () => startResync(null));
  const markSeen = seenMarker(ctx, () => visible.peek());
  const wantedForms = new Set<'prechat' | 'postchat'>();
  const peek = createSneakPeekThrottle({
    clock,
    send(text) {
      const chat = selectCurrentChat(state.peek());
      if (!chat?.active || !ctx.isSynced()) return false;
      // Sneak peeks are best effort (protocol-notes §8): a lost one is replaced by the next.
      client.request('send_sneak_peek', { chat_id: chat.id, sneak_peek_text: text }).catch(() => undefined);
      return true;
    },
  });
  const actions: ChatActions = createActions(ctx, {
    pump: () => pump.pump(),
    peek,
    nextCustomId: customIdGenerator(() => clock.now(), random),
    markSeen,
    setVisible: (v) => void (visible.value = v),
    wantedForms,
  });

  const afterLogin = () => {
    synced = true;
    const forms = [...wantedForms];
    wantedForms.clear();
    for (const type of forms) void actions.loadForm(type);
    void pump.pump();
    markSeen();
  };

  /** Refetches (after `login`, or on the same login when null), then sends; retried with backoff while it fails. */
  const startResync = (login: LoginResponse | null): void => {
    const mine = ++generation;
    const isCurrent = () => mine === generation && !disposed;
    synced = false;
    clock.clearTimeout(resyncTimer);
    const attempt = (n: number): void =>
      void resync(ctx, login, isCurrent).then(
        (ok) => ok && afterLogin(),
        (error: unknown) => {
          // A dropped link brings a new login, and with it a new resync.
          if (!isCurrent() || isConnectionError(error)) return;
          // Sending on a stale thread would resend what the server already has (a refetch that
          // timed out on a half-open link, say), so nothing goes out until a refetch succeeds.
          ctx.fail('resync', error);
          resyncTimer = clock.setTimeout(() => isCurrent() && attempt(n + 1), backoff(n + 1, random()));
        },
      );
    attempt(0);
  };

  const unsubscribe = [
    client.on('connection_state', (next, info) => {
      if (next !== 'online') synced = false;
      ctx.dispatch({ type: 'connection_changed', state: next, info: info ?? null });
      events.emit('connection_changed', { state: next, info: info ?? null });
    }),
    client.on('login', (login) => startResync(login)),
    client.on('push', (name, payload) => {
      const action = { type: 'push', name, payload } as PushAction;
      if (pushes) pushes.push(action);
      else ctx.applyPush(action);
    }),
  ];

  // Restore the outbox: these sends go out after the first login's resync.
  const restored = outbox.load();
  if (restored.length > 0) ctx.dispatch({ type: 'sends_restored', sends: restored });

  const view = createViews(state, visible);

  let lastUnread = 0;
  let lastAvailability: string = 'unknown';
  const stopEffects = [
    effect(() => {
      const count = view.unreadCount.value;
      if (count > 0 && visible.value) {
        markSeen();
        // Marked seen at once: this effect reruns with the new count, so report nothing now.
        if (view.unreadCount.peek() === 0) return;
      }
      if (count !== lastUnread) events.emit('unread_changed', { count: (lastUnread = count) });
    }),
    effect(() => {
      const availability = view.availability.value;
      if (availability === 'unknown' || availability === lastAvailability) return;
      lastAvailability = availability;
      events.emit('availability_changed', { availability });
    }),
  ];

  return {
    state: state as ReadonlySignal<ChatState>,
    ...view,
    actions,
    on: events.on,
    dispose(): void {
      if (disposed) return;
      disposed = true;
      generation++;
      clock.clearTimeout(resyncTimer);
      pushes?.dispose();
      for (const stop of [...unsubscribe, ...stopEffects]) stop();
      typing.dispose();
      peek.dispose();
      events.clear();
    },
  };
}

/**
 * The store {@link createChatStore} returns.
 *
 * @example
 * const pendingCount = (store: ChatStore) => store.timeline.value.filter((i) => i.status === 'pending').length;
 */
export type ChatStore = ReturnType<typeof createChatStore>;
