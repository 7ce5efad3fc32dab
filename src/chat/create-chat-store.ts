import { batch, computed, signal, type ReadonlySignal } from '@preact/signals-core';
import { systemClock, type Clock } from '../protocol/clock';
import { emitter } from '../protocol/emitter';
import type { StorageLike } from '../protocol/safe-storage';
import { createActions } from './actions';
import type { Attachments, Upload } from './attachments';
import { createChannel } from './channel';
import type { ChatClient } from './chat-client';
import { customIdGenerator } from './custom-id';
import { keepDrafts } from './drafts';
import { errorInfo } from './error-info';
import type { FileStore } from './file-store';
import { newEvents } from './new-events';
import { createOutbox } from './outbox';
import { pushBatcher } from './push-batcher';
import { resync } from './resync';
import type { LiveChat } from './live-chat';
import type { Change } from './state/change';
import { initialChatState, type ChatState } from './state/chat-state';
import { fromPush } from './state/from-push';
import { fromReply } from './state/from-reply';
import { reduce } from './state/reduce';
import { selectCurrentChat } from './state/selectors';
import type { StoreEvents } from './store-events';
import type { StoreInternals } from './store-internals';
import { typingTimers } from './typing-timers';
import { mutedSetting } from './muted-setting';
import { reportChanges } from './report-changes';
import { filesOf, sharedChanges, takeFiles } from './shared-changes';
import type { TabPeers } from './tab-peers';
import { createViews, type ConnectionView } from './views';
import type { Visibility } from './visibility';

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions {
  client: ChatClient;
  /** Where the outbox and the muted setting persist: localStorage when `undefined`, memory only when `null`. */
  storage?: StorageLike | null;
  /** Where the draft outlives the page: memory only when missing (the widget passes sessionStorage). */
  draftStorage?: StorageLike | null;
  /**
   * The visitor's other tabs, when they share one connection (chat/tab-client.ts): the outbox's changes
   * and the visitor's read receipts are applied in every tab, drafts and the muted setting told, and
   * only the tab that leads sends the outbox. Without, the store is on its own, as in a single tab.
   */
  peers?: TabPeers;
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
  const { client, peers } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const groupId = options.groupId ?? 0;
  const state = signal<ChatState>(initialChatState(groupId));
  const connection = signal<ConnectionView>({ state: client.state, reason: null });
  const visibility = signal<Visibility>(options.visibility ?? 'minimized');
  const draft = signal('');
  // Whether the page is in view (the embed layer tells): an open chat on a hidden page is not read.
  const pageVisible = signal(true);
  const progress = signal<Record<string, number>>({});
  const previews = signal<Record<string, string>>({});
  const blobs = new Map<string, Blob>();
  const events = emitter<StoreEvents>();
  let disposed = false;
  let attachments: Attachments | undefined;
  let loadingAttachments: Promise<Attachments> | undefined;
  let live: LiveChat | undefined;
  let loadingLive: Promise<LiveChat> | undefined;

  const pushes = options.batchPushes ? pushBatcher(clock, (changes) => dispatch(...changes)) : null;
  const typing = typingTimers(clock, () => state.peek(), (change) => dispatch(change));

  function dispatch(...changes: Change[]): void {
    apply(changes);
    const shared = peers ? sharedChanges(changes) : [];
    if (shared.length > 0) peers!.post({ changes: shared, files: filesOf(shared, blobs) });
  }

  function apply(changes: Change[]): void {
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
          return (attachments = m.createAttachments(s, { entries: views.outbox, blobs, progress, previews, run: () => void sender.run(), files, upload, random, peers }));
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
  // The sender, read receipts and sneak peeks load once there is a chat or something to send
  // (chat/live-chat.ts): at the channel's opening with either, or with the first send. What is sent
  // before they are there waits in the outbox, and the sender, once made, delivers it in order. A
  // chunk that failed to load is asked for again by the next send or opening.
  const liveChat = () =>
    (loadingLive ??= import('./live-chat').then(
      (m) => {
        if (disposed) throw new Error('chatlet: the chat store was disposed');
        // One tab sends the outbox, whoever composed the entries: the one that holds the connection.
        const sends = () => !peers || peers.leads;
        return (live = m.liveChat(s, { sends, isVisible: () => visibility.peek() === 'maximized' && pageVisible.peek() }));
      },
      (error: unknown) => {
        loadingLive = undefined;
        throw error;
      },
    ));
  const sender = { run: () => (live ? live.sender.run() : liveChat().then((l) => l.sender.run(), () => undefined)) };
  // Without a chat no sneak peek goes, and the first keystroke after one comes has the code.
  const peek = { update: (text: string) => live?.peek.update(text), clear: () => live?.peek.clear() };
  const mark = () => (live ? live.mark() : selectCurrentChat(state.peek()) && void liveChat().catch(() => undefined));
  channel.onOpen(() => {
    const now = s.getState();
    if (!live && (selectCurrentChat(now) || now.outbox.some((e) => e.status === 'queued'))) void liveChat().catch(() => undefined);
  });
  const drafts = keepDrafts({
    storage: options.draftStorage,
    key: `chatlet_draft_${options.licenseId}_${groupId}`,
    draft,
    chatId: views.chatId,
    peers,
  });
  const sound = mutedSetting(options.storage, peers);
  const maxFileSize = options.maxFileSize ?? 10 * 1024 * 1024;
  const actions = createActions(s, { outbox, sender, peek, visibility, draft, drafts, sound, pageVisible, blobs, maxFileSize });
  // Files waiting since the last page: their bytes are read back (or the visitor told to attach again).
  if (views.outbox.peek().some((e) => e.file)) void s.attachments().catch(() => undefined);

  const stops = [
    client.on('connection_state', (next, info) => {
      connection.value = { state: next, reason: info?.reason ?? null };
      events.emit('connection_changed', { state: next });
    }),
    peers?.listen(({ changes, files }) => {
      // Another tab's file: the bytes first, so that this tab can upload it if it leads.
      const got = takeFiles(files, blobs);
      if (got.length > 0) void s.attachments().then((a) => got.forEach((id) => a.keep(id, false)), () => undefined);
      if (!changes) return;
      apply(changes);
      void sender.run();
    }) ?? (() => {}),
    client.on('push', (name, payload) => {
      const changes = fromPush(name, payload);
      if (changes.length === 0) return;
      if (pushes) pushes.push(changes);
      else dispatch(...changes);
    }),
  ];

  // The greeting bubble is on the page while the widget is minimized (the UI renders this).
  const shownGreeting = computed(() => (visibility.value === 'minimized' ? views.greeting.value : null));
  stops.push(...reportChanges(views, visibility, shownGreeting, pageVisible, mark, events.emit));

  return {
    state: state as ReadonlySignal<ChatState>,
    ...views,
    connection: connection as ReadonlySignal<ConnectionView>,
    visibility: visibility as ReadonlySignal<Visibility>,
    draft: draft as ReadonlySignal<string>,
    /** Whether the visitor muted the widget's sounds (`actions.setMuted`). */
    muted: sound.muted as ReadonlySignal<boolean>,
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
      drafts.dispose();
      sound.dispose();
      attachments?.dispose();
      typing.dispose();
      live?.peek.dispose();
      events.clear();
    },
  };
}

/** The store {@link createChatStore} returns. */
export type ChatStore = ReturnType<typeof createChatStore>;
